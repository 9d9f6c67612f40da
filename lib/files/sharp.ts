// The image library (libvips) adds about 19 MiB to a server process as soon as it is loaded,
// and only uploads of pictures need it: it is loaded on the first of those, not with the pages.
export async function loadSharp() {
  return (await import("sharp")).default;
}
