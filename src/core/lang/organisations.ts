/** Words that head or stand for the names of organisations. */

/** Words that head the name of an organisation ("… Union", "… Party", "… Association"). */
export const ORG_HEADS: ReadonlySet<string> = new Set([
  'union', 'unions', 'association', 'party', 'society', 'assembly', 'council', 'committee', 'group',
  'federation', 'congress', 'institute', 'institution', 'trust', 'foundation', 'corporation', 'company',
  'agency', 'commission', 'campaign', 'alliance', 'league', 'coalition', 'network', 'front', 'forum',
  'board', 'authority', 'department', 'ministry', 'office', 'bank', 'university', 'college', 'club',
  'church', 'army', 'police', 'service', 'services', 'confederation', 'organisation', 'organization',
  'movement', 'bureau', 'fund', 'partnership', 'cooperative', 'co-operative', 'guild', 'syndicate',
  'inc', 'ltd', 'plc', 'llc', 'corp', 'press', 'times', 'news', 'post', 'herald',
]);

/** Lower-case words that may continue a capitalised organisation name ("the X party"). */
export const LOWER_ORG_HEADS: ReadonlySet<string> = new Set(['party']);

/** Plural or common nouns for organisations, used as evidence ("unions such as X", "groups, X"). */
export const ORG_NOUNS: ReadonlySet<string> = new Set([
  'union', 'unions', 'party', 'parties', 'group', 'groups', 'organisation', 'organisations',
  'organization', 'organizations', 'company', 'companies', 'firm', 'firms', 'charity', 'charities',
  'campaign', 'campaigns', 'body', 'bodies', 'agency', 'agencies', 'club', 'clubs', 'network',
  'movement', 'movements', 'association', 'associations', 'federation', 'institute', 'council', 'councils',
]);
