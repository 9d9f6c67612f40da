import { type CommunityTarget, managesCommunity } from "./community-rules";
import { must, rule } from "./rule";
import { isActiveAccount, isAdmin, type Viewer } from "./viewer-rules";

/** Someone a site admin acts on from the people list. */
export type AccountTarget = { userId: string; status: Viewer["status"]; emailVerified: Date | null };

const ADMINS_ONLY = "Only site administrators can do that.";

export const analyticsRules = {
  /**
   * A community's figures: for the facilitators and owners of that community (not of a
   * community above it only), who can read it, and for site admins.
   */
  "community.viewAnalytics": rule<CommunityTarget>(must(managesCommunity, "Only this community's facilitators can see its figures.")),
};

export const adminRules = {
  /** The site administration pages (people, communities, the platform's figures): for anyone else they do not exist. */
  "site.administer": rule<Record<string, never>>(must((v) => isAdmin(v), "We could not find that page.", 404)),
  "user.resendVerification": rule<AccountTarget>(
    must((v) => isAdmin(v), ADMINS_ONLY),
    must((_v, t) => t.emailVerified === null, "This address is already confirmed.", 409),
    must((_v, t) => isActiveAccount(t), "This account is suspended. Lift the suspension first.", 409),
  ),
};
