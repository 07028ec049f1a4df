using System;

namespace Rapport.Emulator.Store;

/// <summary>What one write replaced: the previous row (null when the write inserted it).</summary>
internal readonly record struct UndoEntry(string Table, Guid Id, Row? Previous);
