import { env } from "@/lib/env";

/** The largest file a member may upload, in megabytes (FILE_MAX_MB). */
export function fileLimitMb(): number {
  return env().FILE_MAX_MB;
}
