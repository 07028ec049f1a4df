namespace Rapport.Domain.Feed;

/// <summary>Who wrote a post: a person, the change tracker, or Rapport itself (e.g. "Ana started following").</summary>
public enum PostKind
{
    UserPost = 1,
    AutoPost = 2,
    System = 3,
}
