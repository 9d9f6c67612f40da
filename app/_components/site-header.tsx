import Link from "next/link";
import { getActiveViewer } from "@/lib/auth/request-viewer";
import { seesSiteLog } from "@/lib/moderation/audit";
import { signOutAction } from "@/app/_actions/auth";
import { Avatar } from "./avatar";

/** The header on every page: the name, and for signed-in people their navigation. */
export async function SiteHeader() {
  const viewer = await getActiveViewer();
  const signedIn = viewer !== null;
  return (
    <header className="border-b-8 border-brand bg-ink text-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-4 px-4 py-3">
        <Link href={signedIn ? "/home" : "/"} className="text-xl font-bold text-white no-underline hover:text-white">
          Roundtable
        </Link>
        {signedIn && (
          <form method="get" action="/search" role="search" aria-label="Site" className="flex items-center gap-2">
            <label htmlFor="header-search" className="sr-only">
              Search Roundtable
            </label>
            <input id="header-search" name="q" type="search" placeholder="Search" className="w-40 rounded-none border-2 border-white bg-white px-2 py-1 text-ink sm:w-56" />
            <button type="submit" className="rounded border-2 border-white px-3 py-1 font-semibold text-white">
              Search
            </button>
          </form>
        )}
        {signedIn ? (
          <nav aria-label="Main">
            <ul className="flex flex-wrap items-center gap-x-5 gap-y-2">
              <li>
                <Link href="/home" className="text-white hover:text-white">
                  Home
                </Link>
              </li>
              <li>
                <Link href="/communities" className="text-white hover:text-white">
                  Communities
                </Link>
              </li>
              {seesSiteLog(viewer) && (
                <li>
                  <Link href="/moderation" className="text-white hover:text-white">
                    Site log
                  </Link>
                </li>
              )}
              <li>
                <Link href="/settings" className="inline-flex items-center gap-2 text-white hover:text-white">
                  {viewer.name && <Avatar name={viewer.name} seed={viewer.id} size="sm" />}
                  {viewer.name || "Your profile"}
                </Link>
              </li>
              <li>
                <form action={signOutAction}>
                  <button type="submit" className="text-white underline underline-offset-2">
                    Sign out
                  </button>
                </form>
              </li>
            </ul>
          </nav>
        ) : (
          <nav aria-label="Account">
            <ul className="flex gap-5">
              <li>
                <Link href="/sign-in" className="text-white hover:text-white">
                  Sign in
                </Link>
              </li>
              <li>
                <Link href="/sign-up" className="text-white hover:text-white">
                  Create an account
                </Link>
              </li>
            </ul>
          </nav>
        )}
      </div>
    </header>
  );
}

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-line bg-panel">
      <div className="mx-auto flex max-w-5xl flex-wrap gap-6 px-4 py-6 text-sm">
        <Link href="/accessibility">Accessibility statement</Link>
        <Link href="/privacy">Privacy notice</Link>
        <Link href="/terms">Terms of use</Link>
        <span className="text-muted">Roundtable keeps what members share inside their communities.</span>
      </div>
    </footer>
  );
}
