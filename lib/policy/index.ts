// The one place that decides who may see and do what. Domain code asks here; it never works
// a rule out again. `can` and `authorize` decide, `refusal` and `decide` say why not, and the
// scopes are the same rules as SQL conditions for lists, counts, feeds and search.
export { assertActiveViewer, authorize, can, decide, refusal, type Action, type TargetOf } from "./can";
export {
  allowedVisibilities,
  type CommunityNode,
  type CommunityTarget,
  type MembershipState,
  MAX_DEPTH,
  opensUp,
  standing,
  type Standing,
  type VisibilityChangeTarget,
} from "./community-rules";
export {
  readsFile,
  type DocumentCommentTarget,
  type DocumentMoveTarget,
  type DocumentTarget,
  type FileTarget,
} from "./library-rules";
export { type EventActionTarget, type EventCreateTarget, type EventTarget } from "./event-rules";
export { type AccountTarget } from "./analytics-rules";
export { inviteeRefusal, type InvitationTarget, type PersonTarget, type RoleChangeTarget } from "./member-rules";
export { type MoveTarget, widensAudience } from "./moderation-rules";
export { isLive, needsApproval, type CommentTarget, type PostTarget } from "./post-rules";
export type { Refusal } from "./rule";
export { CONFIRM_ADDRESS_FIRST, isActiveAccount, isActiveViewer, isVerified, wrote, type MaybeViewer, type Viewer } from "./viewer-rules";
export {
  activeMembership,
  endedBan,
  eventDetailsVisible,
  findablePeople,
  invitationsSeenBy,
  listedCommunities,
  moderatedCommunityIds,
  notHiddenFrom,
  pendingRequest,
  publicPosts,
  readableCommunity,
  readableCommunityIds,
  standingBan,
  standingInvitation,
  visibleComments,
  visibleDocuments,
  visibleFiles,
  visibleEvents,
  visiblePosts,
} from "./scopes";
export {
  personManagesCommunity,
  personReadsComment,
  personReadsCommunity,
  personReadsPost,
  personSeesCommunity,
  type PersonColumns,
} from "./recipient-scopes";
