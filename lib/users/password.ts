import argon2 from "argon2";

// OWASP's recommended argon2id settings: 19 MiB, 2 iterations, 1 lane.
const options = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

// A hash made with the same settings, verified when there is no real hash, so that a
// sign-in for an unknown email costs the same time as one with a wrong password.
const TIMING_HASH =
  "$argon2id$v=19$m=19456,p=1,t=2$2AFNA8SvLNCP6mFzkgIFkw$wzXrfpZv8llSh9ou6f+g0TRefDyDUpU/nG7wnSvsWs0";

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, options);
}

/** True when the password matches. Takes the same time whether or not there is a hash. */
export async function verifyPassword(hash: string | null | undefined, password: string) {
  try {
    const matches = await argon2.verify(hash ?? TIMING_HASH, password);
    return matches && Boolean(hash);
  } catch {
    return false;
  }
}
