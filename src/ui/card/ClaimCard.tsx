/**
 * Card body for a claim: the corpus statements about the same thing, grouped by outlet, each
 * marked agrees / differs / adds context. Where the matcher compared an article with the sentence
 * on the page (match.refs), that relation is shown; otherwise the corpus-side relation to the
 * group's reference statement is shown and labelled as such, so the card never claims a
 * comparison nobody made.
 */
import type { ClaimDetails, ClaimMemberDetails } from '../../core/index/details';
import type { CoverageRef, DifferenceKind, Match, Relation, ValueDifference } from '../../core/index/types';
import { t } from '../shared/i18n';
import { ArticleLine } from './ArticleLine';
import { Evidence } from './Evidence';
import { outletName, relationLabel } from '../shared/format';
import { MoreArticles } from './MoreArticles';
import { strengthLabel } from './strength';
import { ValuesSideBySide } from './ValuesSideBySide';
import { KindBadge, PageDifferences, differencesOf } from './PageDifferences';

/** Props of the claim card body. */
export interface ClaimCardProps {
  match: Match;
  details: ClaimDetails;
  onOpenBrowser(hash: string): void;
}

/** The best ref per article (a page sentence may match several sentences of one article). */
export function refsByArticle(refs: CoverageRef[]): Map<string, CoverageRef> {
  const best = new Map<string, CoverageRef>();
  for (const ref of refs) {
    const current = best.get(ref.article);
    if (!current || ref.score > current.score) best.set(ref.article, ref);
  }
  return best;
}

/**
 * The ref for one member: the matcher's reference to that very sentence when there is one (an
 * article may have several members, one agreeing and one differing), else the article's best
 * unless that one differs: a difference is another sentence's values, shown with that sentence
 * (its own member, or otherDiffering), never under this member's excerpt as if it were its own.
 */
export function refForMember(refs: readonly CoverageRef[], best: Map<string, CoverageRef>, article: string, sentence: number): CoverageRef | undefined {
  const own = refs.find((r) => r.article === article && r.sentence === sentence);
  if (own) return own;
  const fallback = best.get(article);
  return fallback?.relation === 'differs' ? undefined : fallback;
}

/** What the reader is shown for one member: relation, against what it was judged, and how it differs. */
export interface MemberVerdict {
  relation: Relation;
  basis: 'page' | 'reference' | 'is-reference';
  score: number | null;
  /** How the member differs from the page (only when judged against the page). */
  kind?: DifferenceKind;
  differences: ValueDifference[];
}

const pageRelations = new Set<Relation>(['agrees', 'differs', 'adds']);

/** Merges the matcher's per-article relation with the corpus-side relation of a member. */
export function memberVerdict(member: ClaimMemberDetails, ref: CoverageRef | undefined): MemberVerdict {
  if (ref && pageRelations.has(ref.relation)) {
    const verdict: MemberVerdict = { relation: ref.relation, basis: 'page', score: ref.score, differences: differencesOf(ref) };
    if (ref.kind) verdict.kind = ref.kind;
    return verdict;
  }
  if (member.isReference) return { relation: 'agrees', basis: 'is-reference', score: ref?.score ?? null, differences: [] };
  return { relation: member.relation, basis: 'reference', score: ref?.score ?? null, differences: [] };
}

/** The member's badge: the kind of difference when the matcher named one ("More precise"), else the relation. */
function VerdictBadge({ verdict }: { verdict: MemberVerdict }) {
  // The main difference's attribute names it as its box does ("Other places", not "Other group or share", for lists of places).
  if (verdict.kind) return <KindBadge kind={verdict.kind} attribute={verdict.differences.find((d) => d.kind === verdict.kind)?.attribute} />;
  if (verdict.basis === 'is-reference') return <span class="cl-badge cl-badge-reference">{t('card_reference')}</span>;
  return <span class={`cl-badge cl-badge-${verdict.relation}`}>{relationLabel(verdict.relation)}</span>;
}

/** Against what the badge was judged, and how strongly this article matched the page. */
function VerdictBasis({ verdict, referenceOutlet }: { verdict: MemberVerdict; referenceOutlet: string }) {
  const basis =
    verdict.basis === 'page' ? t('card_vs_page') : verdict.basis === 'reference' ? t('card_vs_reference', referenceOutlet) : '';
  const score = verdict.score !== null ? strengthLabel(verdict.score, 'claim') : '';
  if (!basis && !score) return null;
  return <p class="cl-verdict cl-muted">{[basis, score].filter(Boolean).join(' · ')}</p>;
}

/**
 * The matcher's differing references to sentences that are no member of the group (another claim
 * of a covered article states the fact with another value): shown too, so no difference is hidden.
 */
export function otherDiffering(refs: readonly CoverageRef[], members: readonly ClaimMemberDetails[]): CoverageRef[] {
  return refs.filter((r) => r.relation === 'differs' && !members.some((m) => m.article.id === r.article && m.sentence === r.sentence));
}

/** The text the matching side sent for one sentence of an article (details.excerpts), or undefined. */
export function excerptOf(details: ClaimDetails, article: string, sentence: number): string | undefined {
  return Array.isArray(details.excerpts) ? details.excerpts.find((e) => e.article === article && e.sentence === sentence)?.text : undefined;
}

/** One differing sentence of an article outside the group (otherDiffering): a short excerpt, its kind and values side by side. */
function OtherSentence({ coverage: r, article, excerpt }: { coverage: CoverageRef; article?: ClaimMemberDetails['article']; excerpt?: string }) {
  return (
    <li class="cl-item" data-cl-relation={r.relation} data-cl-basis="page" data-cl-kind={r.kind} data-cl-other-sentence="">
      {article ? <ArticleLine article={article} showHeadline={false} aside={r.kind ? <KindBadge kind={r.kind} attribute={differencesOf(r).find((d) => d.kind === r.kind)?.attribute} /> : null} /> : null}
      <p class="cl-verdict cl-muted">{[t('card_other_sentence'), t('card_vs_page'), strengthLabel(r.score, 'claim')].join(' · ')}</p>
      {excerpt ? <blockquote class="cl-excerpt-block cl-clamp">{excerpt}</blockquote> : null}
      <PageDifferences differences={differencesOf(r)} outlet={article ? outletName(article.outlet) : t('card_outlet_unknown')} wording />
    </li>
  );
}

/** Claim group details merged with how each article relates to the sentence on the page. */
export function ClaimCard({ match, details, onOpenBrowser }: ClaimCardProps) {
  const refs = refsByArticle(match.refs);
  const others = otherDiffering(match.refs, details.members);
  const reference = details.members.find((m) => m.isReference);
  const referenceOutlet = reference ? outletName(reference.article.outlet) : t('card_outlet_unknown');
  // Outlets whose articles the page text matched come first, strongest first.
  const groups = [...details.byOutlet].sort((a, b) => bestScore(b.members) - bestScore(a.members));
  function bestScore(members: ClaimMemberDetails[]): number {
    return Math.max(-1, ...members.map((m) => refs.get(m.article.id)?.score ?? -1));
  }
  return (
    <>
      <Evidence match={match} covered={details.covered} total={details.total} coverageKey="card_stated" showFound={false} />
      <figure class="cl-reading">
        <figcaption class="cl-label">{t('card_you_are_reading')}</figcaption>
        <blockquote class="cl-reading-text cl-clamp">{match.text}</blockquote>
      </figure>
      {details.differences.length > 0 ? (
        <section class="cl-section">
          <h3 class="cl-section-title">{t('card_differs_heading')}</h3>
          {details.differences.map((d, i) => (
            <ValuesSideBySide key={i} difference={d} />
          ))}
        </section>
      ) : null}
      <section class="cl-section">
        <h3 class="cl-section-title">{t('card_by_outlet')}</h3>
        <ul class="cl-list">
          {groups.flatMap((g) =>
            g.members.flatMap((m, i) => {
              const verdict = memberVerdict(m, refForMember(match.refs, refs, m.article.id, m.sentence));
              // An article's other differing sentences follow its last member.
              const last = !g.members.slice(i + 1).some((o) => o.article.id === m.article.id);
              return [
                <li key={m.claim} class="cl-item" data-cl-relation={verdict.relation} data-cl-basis={verdict.basis} data-cl-kind={verdict.kind}>
                  <ArticleLine article={m.article} showHeadline={false} aside={<VerdictBadge verdict={verdict} />} />
                  <VerdictBasis verdict={verdict} referenceOutlet={referenceOutlet} />
                  <blockquote class="cl-excerpt-block">{m.excerpt}</blockquote>
                  <PageDifferences differences={verdict.differences} outlet={outletName(m.article.outlet)} wording />
                  {m.values.length > 0 ? (
                    <p class="cl-values">
                      <span class="cl-label-inline">{t('card_states')}</span> {m.values.join(' · ')}
                    </p>
                  ) : null}
                </li>,
                ...(last ? others.filter((r) => r.article === m.article.id).map((r) => <OtherSentence key={`${r.article}:${r.sentence}`} coverage={r} article={m.article} excerpt={excerptOf(details, r.article, r.sentence)} />) : []),
              ];
            }),
          )}
          {others
            .filter((r) => !details.members.some((m) => m.article.id === r.article))
            .map((r) => (
              <OtherSentence key={`${r.article}:${r.sentence}`} coverage={r} excerpt={excerptOf(details, r.article, r.sentence)} />
            ))}
        </ul>
        <MoreArticles details={details} onOpenBrowser={onOpenBrowser} />
      </section>
    </>
  );
}
