/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Loaded from node_modules at run time rather than bundled: the embedded database ships
  // WebAssembly files that it finds relative to itself.
  serverExternalPackages: ["@electric-sql/pglite", "ws", "sharp"],
  // `npm test` checks the types (npm run typecheck) before the end-to-end suite builds the app,
  // so the suite's build skips checking them again. Every other build, deploys included, does.
  typescript: { ignoreBuildErrors: process.env.SKIP_BUILD_TYPECHECK === "1" },
  // Attachments are posted to server actions: room for the largest file (FILE_MAX_MB, 10 by
  // default, checked again on the bytes) and the form around it.
  // globalNotFound: an address that matches no route gets app/global-not-found.tsx, kept out of
  // every other page's payload.
  // preloadEntriesOnStart: false: `next start` loads a route's code when it is first asked for,
  // not every route's at start (cron jobs, inbound mail and its parsers, downloads): each route
  // handler carries its own copies of the shared chunks, so preloading them all held about 20 MiB
  // a server may never use. (Serverless platforms run Next in minimal mode, which never preloads.)
  experimental: { serverActions: { bodySizeLimit: `${Number(process.env.FILE_MAX_MB || 10) + 1}mb` }, globalNotFound: true, preloadEntriesOnStart: false },
  // Headers that never vary (lib/http/security-headers.test.ts checks them against the policy's
  // own constants). Pages get their policy, with a nonce, and every request its id from proxy.ts.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          // HTTPS only, for two years, with subdomains; ignored over plain HTTP.
          { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
      {
        // The JSON API, which the proxy does not run for: nothing may load or frame it.
        source: "/api/v1/:path*",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }],
      },
    ];
  },
};

export default nextConfig;
