// A link into a thread that lands on one reply wherever it is: the post page opens the page of
// replies that holds it (`?reply=`), and the browser scrolls to it (`#comment-`).

/** The address of one reply under its post's address. */
export function replyLink(postPath: string, commentId: string): string {
  return `${postPath}?reply=${commentId}#comment-${commentId}`;
}
