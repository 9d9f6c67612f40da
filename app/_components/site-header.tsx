import Link from "next/link";
import { Search } from "lucide";
import { getActiveViewer, headerUnreadCount } from "@/lib/auth/request-viewer";
import { seesAdministration } from "@/lib/admin";
import { seesSiteLog } from "@/lib/moderation/audit";
import { signOutAction } from "@/app/_actions/auth";
import { Avatar } from "./avatar";
import { Icon } from "./icon";
import { UnreadBadge } from "./unread-badge";

const navLink = "text-white no-underline hover:text-white hover:underline focus-visible:bg-focus focus-visible:text-ink";

/** The header on every page: the name, and for signed-in people their search and navigation. */
export async function SiteHeader() {
  const viewer = await getActiveViewer();
  const signedIn = viewer !== null;
  // The member's unread notifications, up to 100: counted in the statement that loads their session.
  const unread = viewer ? await headerUnreadCount() : 0;
  return (
    <header className="border-b-8 border-brand bg-ink text-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-6 gap-y-3 px-4 py-3">
        <Link href={signedIn ? "/home" : "/"} className="text-xl font-bold text-white no-underline hover:text-white focus-visible:bg-focus focus-visible:text-ink">
          Roundtable
        </Link>
        {signedIn ? (
          <>
            <nav aria-label="Main" className="ml-auto md:order-last">
              <ul className="flex flex-wrap items-center gap-x-5 gap-y-2">
                <li>
                  <Link href="/home" className={navLink}>
                    Home
                  </Link>
                </li>
                <li>
                  <Link href="/communities" className={navLink}>
                    Communities
                  </Link>
                </li>
                <li>
                  <Link href="/people" className={navLink}>
                    People
                  </Link>
                </li>
                <li>
                  <Link href="/notifications" className={navLink}>
                    Notifications
                    <UnreadBadge initial={unread} />
                  </Link>
                </li>
                {seesAdministration(viewer) ? (
                  <li>
                    <Link href="/admin" className={navLink}>
                      Site admin
                    </Link>
                  </li>
                ) : (
                  seesSiteLog(viewer) && (
                    <li>
                      <Link href="/moderation" className={navLink}>
                        Site log
                      </Link>
                    </li>
                  )
                )}
                <li>
                  <Link href="/settings" className={`inline-flex items-center gap-2 ${navLink}`}>
                    {viewer.name && <Avatar name={viewer.name} seed={viewer.id} size="sm" />}
                    {/* On a phone the initials stand in for the name, which screen readers still hear. */}
                    <span className={viewer.name ? "sr-only sm:not-sr-only" : undefined}>{viewer.name || "Your profile"}</span>
                  </Link>
                </li>
                <li>
                  <form action={signOutAction}>
                    <button type="submit" className="text-white underline-offset-2 hover:underline focus-visible:bg-focus focus-visible:text-ink">
                      Sign out
                    </button>
                  </form>
                </li>
              </ul>
            </nav>
            <form method="get" action="/search" role="search" aria-label="Site" className="flex w-full md:w-auto md:flex-1">
              <label htmlFor="header-search" className="sr-only">
                Search Roundtable
              </label>
              <input
                id="header-search"
                name="q"
                type="search"
                placeholder="Search"
                className="h-10 w-full min-w-0 rounded-none border-2 border-white bg-white px-2 text-ink md:max-w-64"
              />
              <button type="submit" className="inline-flex h-10 items-center gap-2 border-2 border-white px-3 font-semibold text-white hover:bg-white hover:text-ink focus-visible:bg-focus focus-visible:text-ink">
                <Icon icon={Search} />
                <span className="sr-only sm:not-sr-only">Search</span>
              </button>
            </form>
          </>
        ) : (
          <nav aria-label="Account" className="ml-auto">
            <ul className="flex gap-5">
              <li>
                <Link href="/sign-in" className={navLink}>
                  Sign in
                </Link>
              </li>
              <li>
                <Link href="/sign-up" className={navLink}>
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
      <div className="mx-auto flex max-w-5xl flex-wrap gap-x-6 gap-y-2 px-4 py-6 text-sm">
        <Link href="/accessibility">Accessibility statement</Link>
        <Link href="/privacy">Privacy notice</Link>
        <Link href="/terms">Terms of use</Link>
        <span className="text-muted">Roundtable keeps what members share inside their communities.</span>
      </div>
    </footer>
  );
}
