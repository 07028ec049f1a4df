using System.Collections.Generic;

namespace Rapport.Domain.Feed;

/// <summary>
/// One auto-post for one change event: <see cref="Text"/> for people (values cut at 255 characters),
/// <see cref="Changes"/> and <see cref="ChangesJson"/> (values up to 2,000 characters) for the UI.
/// </summary>
public sealed record AutoPost(ChangeEvents Event, RecordRef Record, string Text, IReadOnlyList<ColumnChange> Changes, string ChangesJson);
