/// <reference types="xrm" />
/** User-facing strings by LCID. en-US (1033) is the fallback for missing languages and keys. */

const en = {
  feedTitle: "Feed",
  myFeed: "My feed",
  mentions: "Mentions",
  feedLabel: "Posts",
  composerLabel: "Write a post",
  composerPlaceholder: "Share an update. Use @ to mention, # for topics. Ctrl+Enter posts.",
  post: "Post",
  posting: "Posting…",
  posted: "Your post was published.",
  save: "Save",
  cancel: "Cancel",
  edit: "Edit",
  delete: "Delete",
  like: "Like",
  likes: "{n} likes",
  likesOne: "1 like",
  comment: "Comment",
  comments: "{n} comments",
  commentsOne: "1 comment",
  moreComments: "{n} earlier comments not shown",
  commentLabel: "Write a comment",
  commentPlaceholder: "Write a comment…",
  edited: "edited",
  history: "Edit history",
  historyTitle: "Earlier versions",
  historyEmpty: "No earlier versions.",
  original: "Original",
  follow: "Follow",
  unfollow: "Unfollow",
  followers: "{n} followers",
  followersOne: "1 follower",
  followersNone: "No followers",
  followingNow: "You are following this record.",
  notFollowingNow: "You stopped following this record.",
  loading: "Loading…",
  loadMore: "Load more",
  empty: "No posts yet. Start the conversation.",
  emptyMentions: "Nobody has mentioned you yet.",
  emptyFiltered: "No posts match these filters.",
  error: "Something went wrong: {msg}",
  noAccessFigures: "You don't have access to these figures.",
  serverError: "The figures couldn't be loaded right now.",
  retry: "Try again",
  dismiss: "Dismiss",
  you: "You",
  notSaved: "Save the record to see and write its feed.",
  noContext: "Open this page inside Dynamics 365 to see the feed.",
  filterKind: "Kind",
  filterTable: "Table",
  filterTopic: "Topic",
  allKinds: "All posts",
  kind_user: "User posts",
  kind_auto: "Auto posts",
  kind_system: "System posts",
  allTables: "All tables",
  clearTopic: "Clear topic filter {topic}",
  topicButton: "Show posts about {topic}",
  autoBadge: "Auto post",
  systemBadge: "System",
  on: "on",
  changed: "{label}: {old} → {new}",
  emptyValue: "(empty)",
  confirmDeleteTitle: "Delete post",
  confirmDelete: "Delete this post and its comments? This cannot be undone.",
  deleted: "The post was deleted.",
  suggestions: "Suggestions",
  noSuggestions: "No matches",
  table_systemuser: "User",
  table_team: "Team",
  table_contact: "Contact",
  table_account: "Account",
  table_opportunity: "Opportunity",
  table_lead: "Lead",
  table_incident: "Case",
  justNow: "just now",
  minutesAgo: "{n} min ago",
  hoursAgo: "{n} h ago",
  yesterday: "yesterday",
  daysAgo: "{n} days ago",
  // Insights card
  insightsTitle: "Customer value & engagement",
  clv: "Customer lifetime value",
  pAlive: "Probability still active",
  expectedTx: "Expected transactions (next 12 months)",
  history12: "Giving / purchase history",
  level: "Level",
  segment: "Segment",
  engagement: "Engagement score",
  topComponents: "Top contributors",
  points: "{n} pts",
  model: "Model",
  scoredOn: "Scored on {date}",
  fittedOn: "fitted {date}",
  notScored: "Not scored yet",
  notScoredHelp: "This record has no transactions in the fitted model yet. Scores appear after the next scoring run.",
  notSupported: "Customer insights are available on contacts and accounts.",
  gaugeLabel: "Probability still active: {pct}",
  sparkLabel: "History from {from} to {to}; latest {value}",
  noHistory: "No history yet",
  none: "—",
  // Command bar
  followTooltip: "Follow this record ({count})",
  unfollowTooltip: "Stop following this record ({count})",
};

export type StringKey = keyof typeof en;
type Table = Partial<Record<StringKey, string>>;

const fr: Table = {
  feedTitle: "Fil",
  myFeed: "Mon fil",
  mentions: "Mentions",
  feedLabel: "Publications",
  composerLabel: "Écrire une publication",
  composerPlaceholder: "Partagez une nouvelle. @ pour mentionner, # pour les sujets. Ctrl+Entrée publie.",
  post: "Publier",
  posting: "Publication…",
  posted: "Votre publication a été publiée.",
  save: "Enregistrer",
  cancel: "Annuler",
  edit: "Modifier",
  delete: "Supprimer",
  like: "J’aime",
  likes: "{n} mentions J’aime",
  likesOne: "1 mention J’aime",
  comment: "Commenter",
  comments: "{n} commentaires",
  commentsOne: "1 commentaire",
  moreComments: "{n} commentaires précédents non affichés",
  commentLabel: "Écrire un commentaire",
  commentPlaceholder: "Écrire un commentaire…",
  edited: "modifié",
  history: "Historique des modifications",
  historyTitle: "Versions précédentes",
  historyEmpty: "Aucune version précédente.",
  original: "Original",
  follow: "Suivre",
  unfollow: "Ne plus suivre",
  followers: "{n} abonnés",
  followersOne: "1 abonné",
  followersNone: "Aucun abonné",
  followingNow: "Vous suivez cet enregistrement.",
  notFollowingNow: "Vous ne suivez plus cet enregistrement.",
  loading: "Chargement…",
  loadMore: "Afficher plus",
  empty: "Aucune publication. Lancez la conversation.",
  emptyMentions: "Personne ne vous a encore mentionné.",
  emptyFiltered: "Aucune publication ne correspond à ces filtres.",
  error: "Une erreur s’est produite : {msg}",
  noAccessFigures: "Vous n’avez pas accès à ces chiffres.",
  serverError: "Les chiffres n’ont pas pu être chargés pour le moment.",
  retry: "Réessayer",
  dismiss: "Fermer",
  you: "Vous",
  notSaved: "Enregistrez l’enregistrement pour voir et écrire son fil.",
  noContext: "Ouvrez cette page dans Dynamics 365 pour voir le fil.",
  filterKind: "Type",
  filterTable: "Table",
  filterTopic: "Sujet",
  allKinds: "Toutes les publications",
  kind_user: "Publications d’utilisateurs",
  kind_auto: "Publications automatiques",
  kind_system: "Publications système",
  allTables: "Toutes les tables",
  clearTopic: "Retirer le filtre de sujet {topic}",
  topicButton: "Afficher les publications sur {topic}",
  autoBadge: "Publication automatique",
  systemBadge: "Système",
  on: "sur",
  changed: "{label} : {old} → {new}",
  emptyValue: "(vide)",
  confirmDeleteTitle: "Supprimer la publication",
  confirmDelete: "Supprimer cette publication et ses commentaires ? Cette action est irréversible.",
  deleted: "La publication a été supprimée.",
  suggestions: "Suggestions",
  noSuggestions: "Aucun résultat",
  table_systemuser: "Utilisateur",
  table_team: "Équipe",
  table_contact: "Contact",
  table_account: "Compte",
  table_opportunity: "Opportunité",
  table_lead: "Prospect",
  table_incident: "Incident",
  justNow: "à l’instant",
  minutesAgo: "il y a {n} min",
  hoursAgo: "il y a {n} h",
  yesterday: "hier",
  daysAgo: "il y a {n} jours",
  insightsTitle: "Valeur client et engagement",
  clv: "Valeur vie client",
  pAlive: "Probabilité d’être encore actif",
  expectedTx: "Transactions attendues (12 prochains mois)",
  history12: "Historique des dons / achats",
  level: "Niveau",
  segment: "Segment",
  engagement: "Score d’engagement",
  topComponents: "Principaux contributeurs",
  points: "{n} pts",
  model: "Modèle",
  scoredOn: "Calculé le {date}",
  fittedOn: "ajusté le {date}",
  notScored: "Pas encore évalué",
  notScoredHelp: "Cet enregistrement n’a pas encore de transactions dans le modèle ajusté. Les scores apparaîtront après le prochain calcul.",
  notSupported: "Les indicateurs client sont disponibles sur les contacts et les comptes.",
  gaugeLabel: "Probabilité d’être encore actif : {pct}",
  sparkLabel: "Historique de {from} à {to} ; dernier {value}",
  noHistory: "Pas encore d’historique",
  none: "—",
  followTooltip: "Suivre cet enregistrement ({count})",
  unfollowTooltip: "Ne plus suivre cet enregistrement ({count})",
};

const TABLES: Record<number, Table> = { 1033: en, 1036: fr };
const LOCALES: Record<number, string> = { 1033: "en-US", 1036: "fr-FR" };

export interface Strings {
  readonly lcid: number;
  readonly locale: string;
  t(key: StringKey, args?: Record<string, string | number>): string;
  /** Picks "{key}One" for 1 and "{key}" otherwise (both tables shipped use this two-form rule). */
  count(key: "likes" | "comments" | "followers", n: number): string;
}

export function supportedLanguages(): number[] {
  return Object.keys(TABLES).map(Number);
}

export function createStrings(lcid: number | undefined): Strings {
  const id = lcid && TABLES[lcid] ? lcid : 1033;
  const table = TABLES[id];
  const t = (key: StringKey, args?: Record<string, string | number>): string => {
    const template = table[key] ?? en[key];
    return args ? template.replace(/\{(\w+)\}/g, (m, name: string) => (name in args ? String(args[name]) : m)) : template;
  };
  return {
    lcid: id,
    locale: LOCALES[id],
    t,
    count(key, n) {
      if (key === "followers" && n === 0) return t("followersNone");
      return n === 1 ? t(`${key}One`) : t(key, { n: new Intl.NumberFormat(LOCALES[id]).format(n) });
    },
  };
}

/** The signed-in user's language, from the client API global context. */
export function userLanguage(xrm: Xrm.XrmStatic | undefined): number | undefined {
  try {
    return xrm?.Utility.getGlobalContext().userSettings.languageId;
  } catch {
    return undefined;
  }
}
