import { sql } from "drizzle-orm";
import { loadReadable } from "@/lib/communities/load";
import { getDb, type Db } from "@/lib/db/client";
import { selectRows } from "@/lib/db/rows";
import { assertActiveViewer, type Viewer } from "@/lib/policy";
import { parseInput } from "@/lib/validation";
import { searchCommunities, searchPeople, type CommunityHit, type PersonHit } from "./directory";
import { searchLibrary, type LibraryHit } from "./library";
import { searchPosts, type PostFacets, type PostHit } from "./posts";
import { searchSchema, type SearchQuery } from "./query";

export type SearchResult = {
  query: SearchQuery;
  /** Why there are no results, in plain words, when the search could not run. */
  notice: string | null;
  community: { slug: string; name: string } | null;
  posts: { items: PostHit[]; nextCursor: string | null; facets: PostFacets } | null;
  communities: CommunityHit[];
  people: PersonHit[];
  /** Documents and the words inside attached files (the first page only). */
  documents: { items: LibraryHit[] } | null;
};

const emptyFacets: PostFacets = { total: 0, capped: false, kinds: [], communities: [], tags: [], answered: { yes: 0, no: 0 } };

/**
 * One search over everything the viewer may read: posts (and replies, through their post),
 * communities and people. New content types add a source here. Every source carries the
 * viewer's permission scope inside its SQL.
 */
export async function search(viewer: Viewer, input: unknown): Promise<SearchResult> {
  assertActiveViewer(viewer);
  const q = parseInput(searchSchema, input);
  const db = await getDb();
  let community: SearchResult["community"] = null;
  let communityId: string | null = null;
  if (q.community) {
    const loaded = await loadReadable(db, viewer, { slug: q.community });
    community = { slug: loaded.community.slug, name: loaded.community.name };
    communityId = loaded.community.id;
  }
  const empty = { query: q, community, posts: null, communities: [], people: [], documents: null };
  if (!q.q) return { ...empty, notice: "Enter some words to search for." };
  const wantPosts = q.type === "all" || q.type === "posts";
  const wantOthers = !community && !q.cursor;
  const wantDocuments = (q.type === "all" || q.type === "documents") && !q.cursor;
  // Whether any word is left once the stop words are gone comes back with the posts; the posts
  // and documents statements test it themselves, so all the sources run at once.
  const [postPage, communities, people, libraryHits, words] = await Promise.all([
    wantPosts ? searchPosts(db, viewer, q, communityId) : null,
    wantOthers && (q.type === "all" || q.type === "communities") ? searchCommunities(db, viewer, q.q) : [],
    wantOthers && (q.type === "all" || q.type === "people") ? searchPeople(db, viewer, q.q) : [],
    wantDocuments ? searchLibrary(db, viewer, q.q, communityId) : null,
    wantPosts ? null : countWords(db, q.q),
  ]);
  const hasWords = (postPage?.words ?? words ?? 0) > 0;
  return {
    ...empty,
    notice: hasWords || communities.length || people.length ? null : "Those words are too common to search for on their own. Try more specific words.",
    posts: postPage && hasWords ? { items: postPage.items, nextCursor: postPage.nextCursor, facets: postPage.facets ?? emptyFacets } : null,
    communities,
    people,
    documents: libraryHits && hasWords ? { items: libraryHits } : null,
  };
}

/** How many words and operators the query keeps once the stop words are gone. */
async function countWords(db: Db, text: string): Promise<number> {
  const [parsed] = await selectRows<{ words: number }>(db, sql`select numnode(websearch_to_tsquery('english', ${text})) as words`);
  return parsed?.words ?? 0;
}
