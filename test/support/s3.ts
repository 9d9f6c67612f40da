import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { CreateBucketCommand, S3Client } from "@aws-sdk/client-s3";
import S3rver from "s3rver";
import { S3Store } from "@/lib/storage/s3";

export const TEST_BUCKET = "roundtable-test";

/**
 * A real S3-compatible server (s3rver, from npm) on a free local port, with an empty bucket,
 * and a store pointed at it the way a deployment's settings would.
 */
export async function startS3() {
  const directory = mkdtempSync(path.join(os.tmpdir(), "roundtable-s3-"));
  const server = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory });
  const { port } = (await server.run()) as { port: number };
  const endpoint = `http://127.0.0.1:${port}`;
  const credentials = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };
  const client = new S3Client({ region: "us-east-1", endpoint, forcePathStyle: true, credentials });
  await client.send(new CreateBucketCommand({ Bucket: TEST_BUCKET }));
  client.destroy();
  const store = new S3Store({ bucket: TEST_BUCKET, region: "us-east-1", endpoint, forcePathStyle: true, credentials });
  return {
    store,
    endpoint,
    stop: async () => {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
