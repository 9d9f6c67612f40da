export { assertActiveViewer, authorize, can, type Action, type MemberTarget } from "./can";
export {
  type CommunityNode,
  type CommunityTarget,
  type MembershipState,
  MAX_DEPTH,
  visibilityRank,
} from "./community-rules";
export { type MoveTarget, type PersonTarget } from "./moderation-rules";
export { type CommentTarget, type PostTarget } from "./post-rules";
export { isActiveViewer, isAdmin, type MaybeViewer, type Viewer } from "./viewer";
export { listedCommunities, moderatedCommunityIds, publicPosts, readableCommunity, readableCommunityIds, visibleComments, visiblePosts } from "./scopes";
