import type { MetadataRoute } from "next";

/** The web app manifest: how Roundtable looks when added to a phone's home screen. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Roundtable",
    short_name: "Roundtable",
    description: "A confidential community of practice for people who work in public services.",
    start_url: "/home",
    display: "standalone",
    background_color: "#ffffff",
    theme_color: "#0b0c0c",
    icons: [
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml" },
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
