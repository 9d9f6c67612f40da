import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { selectRows } from "@/lib/db/rows";
import { fieldVisibilities, profiles, type FieldVisibility } from "@/lib/db/schema";
import { addMembership, makeCommunity, makeUser } from "@/test/support/factories";
import { can, refusal, visibleProfileField, type MaybeViewer, type Viewer } from ".";

// Who sees a profile field, for each setting its owner chooses. Y = sees it, . = does not
// (and is told it does not exist). Every cell is asserted, for `can()` and for its SQL twin.

const matrix: Record<string, Record<FieldVisibility, "Y" | ".">> = {
  self: { everyone: "Y", communities: "Y", nobody: "Y" },
  sharer: { everyone: "Y", communities: "Y", nobody: "." },
  stranger: { everyone: "Y", communities: ".", nobody: "." },
  banned: { everyone: "Y", communities: ".", nobody: "." },
  admin: { everyone: "Y", communities: "Y", nobody: "." },
  suspended: { everyone: ".", communities: ".", nobody: "." },
  anonymous: { everyone: ".", communities: ".", nobody: "." },
};

const actors: Record<string, MaybeViewer> = {};
const subjects = {} as Record<FieldVisibility, Viewer>;
// Whether each actor shares an active community with the subjects, as the page loads it.
const shares: Record<string, boolean> = { self: true, sharer: true, stranger: false, banned: false, admin: false, suspended: false, anonymous: false };

beforeAll(async () => {
  const db = await getDb();
  const community = await makeCommunity({ visibility: "private" });
  const other = await makeCommunity();
  Object.assign(actors, {
    sharer: await makeUser({ name: "Sharer" }),
    stranger: await makeUser({ name: "Stranger" }),
    banned: await makeUser({ name: "Banned" }),
    admin: await makeUser({ siteRole: "admin" }),
    suspended: await makeUser({ status: "suspended" }),
    anonymous: null,
  });
  await addMembership(community.id, actors.sharer!.id);
  await addMembership(community.id, actors.banned!.id, "banned");
  await addMembership(other.id, actors.stranger!.id);
  for (const visibility of fieldVisibilities) {
    const subject = await makeUser({ name: `Subject ${visibility}` });
    await addMembership(community.id, subject.id);
    await addMembership(other.id, subject.id, "pending");
    await db.insert(profiles).values({ userId: subject.id, jobTitleVisibility: visibility });
    subjects[visibility] = subject;
  }
});

const actorFor = (name: string, visibility: FieldVisibility) => (name === "self" ? subjects[visibility] : actors[name]!);

describe("profile field visibility matrix", () => {
  it("can() decides every cell", () => {
    const actual = Object.fromEntries(
      Object.keys(matrix).map((name) => [
        name,
        Object.fromEntries(
          fieldVisibilities.map((visibility) => {
            const target = { personId: subjects[visibility].id, visibility, sharesCommunity: shares[name]! };
            return [visibility, can(actorFor(name, visibility), "profile.seeField", target) ? "Y" : "."];
          }),
        ),
      ]),
    );
    expect(actual).toEqual(matrix);
  });

  it("a hidden field is a 404, never a 403", () => {
    const target = { personId: subjects.nobody.id, visibility: "nobody" as const, sharesCommunity: true };
    expect(refusal(actors.sharer!, "profile.seeField", target)?.status).toBe(404);
  });

  it("the SQL twin agrees with can() in every cell", async () => {
    const db = await getDb();
    const actual: Record<string, Record<string, string>> = {};
    for (const name of Object.keys(matrix)) {
      actual[name] = {};
      for (const visibility of fieldVisibilities) {
        const viewer = actorFor(name, visibility);
        const [row] = await selectRows<{ sees: boolean }>(
          db,
          sql`select ${visibleProfileField(viewer, profiles.jobTitleVisibility, profiles.userId)} as sees from ${profiles} where ${profiles.userId} = ${subjects[visibility].id}`,
        );
        actual[name][visibility] = row!.sees ? "Y" : ".";
      }
    }
    expect(actual).toEqual(matrix);
  });
});
