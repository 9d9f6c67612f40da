/** Runs once when a server starts. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkEnvironmentOrExit } = await import("./lib/startup");
    checkEnvironmentOrExit();
  }
}
