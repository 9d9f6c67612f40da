import { diff3Merge } from "node-diff3";
import { htmlBlocks, joinBlocks } from "./blocks";

// Three-way merge of two edits made from the same version of some clean rich text, block by
// block: changes to different paragraphs (or headings, lists, tables) both stay; changes to
// the same one clash, and the person saving is shown both to choose.

export type Clash = { base: string; mine: string; theirs: string };
export type Merged = {
  /** Both edits together; where they clash, the one being saved. */
  html: string;
  clashes: Clash[];
};

/** Merges `mine` and `theirs`, both edits of `base`. */
export function mergeRichText(base: string, mine: string, theirs: string): Merged {
  if (mine === theirs || theirs === base) return { html: mine, clashes: [] };
  if (mine === base) return { html: theirs, clashes: [] };
  const split = (html: string) => htmlBlocks(html).map((b) => b.html);
  const regions = diff3Merge(split(mine), split(base), split(theirs), { excludeFalseConflicts: true });
  const out: string[] = [];
  const clashes: Clash[] = [];
  for (const region of regions) {
    if (region.ok) out.push(...region.ok);
    else if (region.conflict) {
      const settled = blockByBlock(region.conflict.o, region.conflict.a, region.conflict.b);
      out.push(...settled.blocks);
      clashes.push(...settled.clashes);
    }
  }
  return { html: joinBlocks(out), clashes };
}

/**
 * diff3 treats changes to neighbouring blocks as one clash. When both sides kept the same
 * number of blocks there, each block is settled on its own: changed on one side only, that
 * change wins; changed on both, it is a clash of that block alone.
 */
function blockByBlock(o: string[], a: string[], b: string[]): { blocks: string[]; clashes: Clash[] } {
  if (a.length !== o.length || b.length !== o.length) {
    return { blocks: a, clashes: [{ base: joinBlocks(o), mine: joinBlocks(a), theirs: joinBlocks(b) }] };
  }
  const blocks: string[] = [];
  const clashes: Clash[] = [];
  o.forEach((base, i) => {
    const mine = a[i]!;
    const theirs = b[i]!;
    if (mine === base || mine === theirs) blocks.push(theirs);
    else if (theirs === base) blocks.push(mine);
    else {
      blocks.push(mine);
      clashes.push({ base, mine, theirs });
    }
  });
  return { blocks, clashes };
}

/** The title, merged the same way: one side's change wins when the other left it alone. */
export function mergeLine(base: string, mine: string, theirs: string): { value: string; clash: boolean } {
  if (mine === theirs || theirs === base) return { value: mine, clash: false };
  if (mine === base) return { value: theirs, clash: false };
  return { value: mine, clash: true };
}
