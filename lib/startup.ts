import { EnvError, parseEnv } from "./env";

/** Stops the server with one clear line when the environment is wrong. */
export function checkEnvironmentOrExit() {
  try {
    parseEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
