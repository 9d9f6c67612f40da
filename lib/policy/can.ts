import { AppError, forbidden, notFound, unauthenticated } from "@/lib/errors";
import { adminRules, analyticsRules } from "./analytics-rules";
import { communityRules, seesCommunity, type CommunityTarget } from "./community-rules";
import { libraryRules, readsDocument, type DocumentTarget } from "./library-rules";
import { eventRules } from "./event-rules";
import { memberRules } from "./member-rules";
import { moderationRules, siteRules } from "./moderation-rules";
import { postRules, readsPost, type PostTarget } from "./post-rules";
import { firstRefusal, type Refusal, type Rule } from "./rule";
import { CONFIRM_ADDRESS_FIRST, isActiveViewer, UNVERIFIED_MAY, type MaybeViewer, type Viewer } from "./viewer-rules";

/** Every rule, by action. A new rule goes in its *-rules.ts file, in a table spread here. */
const rules = { ...communityRules, ...memberRules, ...postRules, ...eventRules, ...moderationRules, ...siteRules, ...libraryRules, ...analyticsRules, ...adminRules };

export type Action = keyof typeof rules;
/** What an action is decided on: a community, a post, a reply, a person in a community… */
export type TargetOf<A extends Action> = A extends Action ? ((typeof rules)[A] extends Rule<infer T> ? T : never) : never;

/**
 * Why the viewer may not do this, in words that are true of their situation, with the status
 * to answer with; null when they may. Signed out is 401, suspended 403, and what they may not
 * see is a 404 exactly as if it did not exist.
 */
export function refusal<A extends Action>(viewer: MaybeViewer, action: A, target: TargetOf<A>): Refusal | null {
  if (!viewer) return { status: 401, message: unauthenticated().message };
  if (!isActiveViewer(viewer)) return { status: 403, message: SUSPENDED };
  if (!mayTryUnverified(viewer, action)) {
    return hiddenFrom(viewer, target) ? { status: 404, message: notFound().message } : { status: 403, message: CONFIRM_ADDRESS_FIRST };
  }
  const refused = firstRefusal(rules[action] as Rule<TargetOf<A>>, viewer, target);
  if (!refused) return null;
  if (hiddenFrom(viewer, target)) return { status: 404, message: notFound().message };
  return refused;
}

/** The one place that decides whether a viewer may do something. */
export function can<A extends Action>(viewer: MaybeViewer, action: A, target: TargetOf<A>): boolean {
  return isActiveViewer(viewer) && mayTryUnverified(viewer, action) && firstRefusal(rules[action] as Rule<TargetOf<A>>, viewer, target) === null;
}

/** An account whose address is not proven may only read what is open to all (and see itself). */
function mayTryUnverified(viewer: Viewer, action: Action): boolean {
  return viewer.verified || UNVERIFIED_MAY.has(action);
}

/** Throws the refusal (401, 403, 404 or a 4xx the rule names) unless the viewer may act. */
export function authorize<A extends Action>(viewer: Viewer, action: A, target: TargetOf<A>): void {
  const refused = refusal(viewer, action, target);
  if (refused) throw new AppError(refused.status, refused.message);
}

/**
 * For a page: which of these actions the viewer may take on one target, and for each they may
 * not, why not (to show in place of the control).
 */
export function decide<K extends string, A extends Action>(
  viewer: Viewer,
  target: TargetOf<A>,
  actions: Record<K, A>,
): { allowed: Record<K, boolean>; refusals: Record<K, string | null> } {
  const allowed = {} as Record<K, boolean>;
  const refusals = {} as Record<K, string | null>;
  for (const key of Object.keys(actions) as K[]) {
    const refused = refusal(viewer, actions[key], target);
    allowed[key] = refused === null;
    refusals[key] = refused?.message ?? null;
  }
  return { allowed, refusals };
}

const SUSPENDED = "Your account is suspended.";

/** Throws 401 when nobody is signed in and 403 when the account is suspended. */
export function assertActiveViewer(viewer: MaybeViewer): asserts viewer is Viewer {
  if (!viewer) throw unauthenticated();
  if (!isActiveViewer(viewer)) throw forbidden(SUSPENDED);
}

/** The community, the post or the document does not exist for this viewer. */
function hiddenFrom(viewer: Viewer, target: unknown): boolean {
  const t = target as Partial<PostTarget & DocumentTarget>;
  if (t.chain && !seesCommunity(viewer, t as CommunityTarget)) return true;
  if (t.document && !readsDocument(viewer, t as DocumentTarget)) return true;
  return Boolean(t.post && !readsPost(viewer, t as PostTarget));
}
