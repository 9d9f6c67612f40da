import { type CommunityTarget, isActive, isArchived, managesCommunity, mine, notArchived, readsCommunity, self } from "./community-rules";
import { readsPost, type PostTarget } from "./post-rules";
import { must, rule } from "./rule";
import { wrote, type Viewer } from "./viewer-rules";

// The library: documents drafted together in a community, their history, comments and files.
// Readers of the community read its documents; the owner, the co-authors the owner or a
// facilitator chose, and the facilitators edit them. Only current members of the community
// write; someone removed a moment ago loses every right with their membership.

/** A document with its community, as a policy decision needs it. */
export type DocumentTarget = CommunityTarget & {
  document: { ownerId: string | null; deletedAt: Date | null };
  /** The viewer is one of the document's co-authors. */
  coauthor: boolean;
};

/** A comment on a document. */
export type DocumentCommentTarget = DocumentTarget & { comment: { authorId: string | null; deletedAt: Date | null } };

/** A document moving from its community (the target) to another. */
export type DocumentMoveTarget = DocumentTarget & { destination: CommunityTarget };

/** A file, with what it is attached to: a document, a post, or nothing yet (an upload on its way into one). */
export type FileTarget = {
  file: { uploaderId: string | null };
  on: { document: DocumentTarget } | { post: PostTarget } | null;
};

const isMember = (_v: Viewer, t: CommunityTarget) => isActive(mine(t));

/** Reads the document: reads its community, and the document is not deleted. SQL twin: `visibleDocuments`. */
export function readsDocument(v: Viewer, t: DocumentTarget): boolean {
  return !t.document.deletedAt && readsCommunity(v, t);
}

/** The owner, still a member. */
const ownsDocument = (v: Viewer, t: DocumentTarget) => wrote(v, t.document.ownerId) && isMember(v, t);

/** Writes the document: the facilitators, or the owner or a co-author who is still a member. */
export function writesDocument(v: Viewer, t: DocumentTarget): boolean {
  return managesCommunity(v, t) || (isMember(v, t) && (wrote(v, t.document.ownerId) || t.coauthor));
}

/** Downloads the file: whoever reads what it is attached to; an unattached upload, only its uploader. */
export function readsFile(v: Viewer, t: FileTarget): boolean {
  if (!t.on) return wrote(v, t.file.uploaderId);
  return "document" in t.on ? readsDocument(v, t.on.document) : readsPost(v, t.on.post);
}

const ARCHIVED = "This community is archived, so its library cannot change.";
const EDITORS = "Only the document's owner, its co-authors and the community's facilitators can change it.";
const NOT_FOUND = "We could not find that document.";
const editRule = (what = EDITORS) => rule<DocumentTarget>(must(readsDocument, NOT_FOUND, 404), must(notArchived, ARCHIVED), must(writesDocument, what));

export const libraryRules = {
  "document.create": rule<CommunityTarget>(
    must(notArchived, "This community is archived, so it takes no new documents."),
    must(readsCommunity, "Only members of this community can add documents."),
    must(isMember, "Only members of this community can add documents."),
  ),
  "folder.create": rule<CommunityTarget>(
    must(notArchived, ARCHIVED),
    must(readsCommunity, "Only members of this community can add folders."),
    must(isMember, "Only members of this community can add folders."),
  ),
  /** Reading covers its history, the differences between revisions, and its comments. */
  "document.read": rule<DocumentTarget>(must(readsDocument, NOT_FOUND, 404)),
  "document.edit": editRule(),
  "document.restore": editRule("Only the document's owner, its co-authors and the community's facilitators can bring back an earlier version."),
  "document.setStatus": editRule(),
  "document.attach": editRule("Only the document's owner, its co-authors and the community's facilitators can attach files to it."),
  "document.chooseCoauthors": rule<DocumentTarget>(
    must(readsDocument, NOT_FOUND, 404),
    must(notArchived, ARCHIVED),
    must((v, t) => ownsDocument(v, t) || managesCommunity(v, t), "Only the document's owner or a facilitator can choose its co-authors."),
  ),
  "document.delete": rule<DocumentTarget>(
    must(readsDocument, NOT_FOUND, 404),
    must(notArchived, ARCHIVED),
    must((v, t) => ownsDocument(v, t) || managesCommunity(v, t), "Only the document's owner or a facilitator can delete it."),
  ),
  "document.comment": rule<DocumentTarget>(
    must(readsDocument, NOT_FOUND, 404),
    must(notArchived, "This community is archived, so its documents take no new comments."),
    must(isMember, "Only members of this community can comment on its documents."),
  ),
  "document.deleteComment": rule<DocumentCommentTarget>(
    must(readsDocument, NOT_FOUND, 404),
    must((_v, t) => !t.comment.deletedAt, "This comment has already been deleted."),
    must(notArchived, ARCHIVED),
    must((v, t) => wrote(v, t.comment.authorId) || managesCommunity(v, t), "You can only delete your own comments."),
  ),
  /** Moves need a facilitator's hand in both communities, as for posts. */
  "document.move": rule<DocumentMoveTarget>(
    must(readsDocument, NOT_FOUND, 404),
    must(managesCommunity, "Only this community's facilitators can move its documents."),
    must((v, t) => managesCommunity(v, t.destination), "You can move documents only to communities you look after."),
    must((_v, t) => !isArchived(t.destination), "You cannot move a document into an archived community."),
    must((_v, t) => self(t.destination).id !== self(t).id, "The document is already there."),
  ),
  /** Uploading a file for a post or a document being written: members of the community. */
  "file.upload": rule<CommunityTarget>(
    must(notArchived, "This community is archived, so it takes no new files."),
    must(readsCommunity, "Only members of this community can upload files here."),
    must(isMember, "Only members of this community can upload files here."),
  ),
  /** Checked on every download. */
  "file.download": rule<FileTarget>(must(readsFile, "We could not find that file.", 404)),
};
