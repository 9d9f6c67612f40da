import type { Viewer } from "./viewer-rules";

// How a rule is written: the conditions that must all hold, in order, each with what to tell
// a viewer when it does not. The same list answers both "may they?" and "why not?", so a
// refusal message can never disagree with the decision.
//
//   "post.comment": rule<PostTarget>(
//     must(readsPost),
//     must(notArchived, "This community is archived, so it takes no new replies."),
//     must(isMember, "Only members of this community can reply here."),
//   ),

/** What a refused viewer is told: 403 unless the request can never succeed (400) or clashes with how things are (409). */
export type Refusal = { status: 400 | 401 | 403 | 404 | 409; message: string };

type Check<T> = (viewer: Viewer, target: T) => boolean;
/** A sentence, or one worked out from the target when the situation decides what is true. */
type Reason<T> = string | ((viewer: Viewer, target: T) => string);

export type Requirement<T> = { holds: Check<T>; reason?: Reason<T>; status?: Refusal["status"] };
export type Rule<T> = readonly Requirement<T>[];

const FALLBACK = "You cannot do that here.";

/** One condition of a rule, and what the viewer is told when it does not hold. */
export function must<T>(holds: Check<T>, reason?: Reason<T>, status?: Refusal["status"]): Requirement<T> {
  return { holds, reason, status };
}

export function rule<T>(...requirements: Requirement<T>[]): Rule<T> {
  return requirements;
}

/** The first requirement that does not hold, as the viewer is told it; null when the rule allows. */
export function firstRefusal<T>(rule: Rule<T>, viewer: Viewer, target: T): Refusal | null {
  for (const { holds, reason, status } of rule) {
    if (holds(viewer, target)) continue;
    const message = typeof reason === "function" ? reason(viewer, target) : (reason ?? FALLBACK);
    return { status: status ?? 403, message };
  }
  return null;
}
