/** Ordering of claim groups shared by the popup and the corpus browser: disagreements first. */
import type { ClaimGroup, CorpusIndex } from '../../core/index/types';

/** True when outlets state different values in a claim group. */
export function groupDiffers(group: ClaimGroup): boolean {
  return group.differences.length > 0 || group.members.some((m) => m.relation === 'differs');
}

/** Claim groups with disagreements first, then by how many articles carry them, then by topic. */
export function claimGroupsInOrder(index: CorpusIndex): ClaimGroup[] {
  const articles = (g: ClaimGroup) => new Set(g.members.map((m) => m.article)).size;
  return [...index.claimGroups].sort(
    (a, b) => Number(groupDiffers(b)) - Number(groupDiffers(a)) || articles(b) - articles(a) || a.topic.localeCompare(b.topic),
  );
}
