// A production build of another commit, for the comparison mode: a detached git worktree in the
// system's temporary folder, kept between runs (one per commit) so a second comparison against
// the same commit does not build it again.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const git = (args: string[], cwd = process.cwd()) => execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();

/** Runs a command, or throws with the end of what it printed. */
function run(command: string, args: string[], cwd: string, what: string) {
  const result = spawnSync(command, args, { cwd, encoding: "utf8", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" }, maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${what} failed in ${cwd}:\n${`${result.stdout}\n${result.stderr}`.trim().split("\n").slice(-30).join("\n")}`);
}

export type Prepared = { dir: string; sha: string; short: string; installed: "reused" | "linked" | "npm ci"; built: "reused" | "built" };

/** Checks out `ref`, installs its dependencies and builds it; reuses what an earlier run left. */
export function prepareWorktree(ref: string, options: { rebuild?: boolean } = {}): Prepared {
  let sha: string;
  try {
    sha = git(["rev-parse", "--verify", `${ref}^{commit}`]);
  } catch {
    throw new Error(`--against ${ref}: no such commit, branch or tag here.`);
  }
  const short = sha.slice(0, 7);
  const dir = path.join(tmpdir(), "roundtable-bench", sha);
  if (existsSync(dir) && !existsSync(path.join(dir, "package.json"))) rmSync(dir, { recursive: true, force: true });
  if (!existsSync(dir)) {
    spawnSync("git", ["worktree", "prune"], { stdio: "ignore" });
    git(["worktree", "add", "--detach", dir, sha]);
  }
  let installed: Prepared["installed"] = "reused";
  if (!existsSync(path.join(dir, "node_modules/next/package.json"))) {
    const sameLock = existsSync(path.join(dir, "package-lock.json")) && readFileSync(path.join(dir, "package-lock.json"), "utf8") === readFileSync("package-lock.json", "utf8");
    // Same lock file: hard links to this folder's packages take a second and no disk.
    if (sameLock && spawnSync("cp", ["-al", path.resolve("node_modules"), path.join(dir, "node_modules")]).status === 0) installed = "linked";
    else {
      rmSync(path.join(dir, "node_modules"), { recursive: true, force: true });
      run("npm", ["ci", "--no-audit", "--no-fund"], dir, "npm ci");
      installed = "npm ci";
    }
  }
  let built: Prepared["built"] = "reused";
  if (options.rebuild || !existsSync(path.join(dir, ".next/BUILD_ID"))) {
    run(process.execPath, ["node_modules/next/dist/bin/next", "build"], dir, `Building ${short}`);
    built = "built";
  }
  return { dir, sha, short, installed, built };
}

/** Builds this folder's app for production. */
export function buildHere() {
  run(process.execPath, ["node_modules/next/dist/bin/next", "build"], process.cwd(), "Building this folder");
}
