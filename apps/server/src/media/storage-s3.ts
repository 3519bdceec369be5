// The S3-compatible storage driver (AWS S3, MinIO, R2, Supabase Storage): every instance reads and
// writes the same bucket, so a thumbnail or video made by one worker is served by any API instance.
import { createReadStream } from "node:fs";
import { stat as statFile } from "node:fs/promises";
import { PassThrough, type Readable, Transform } from "node:stream";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { assertSafeKey, assertSafePrefix, type Storage } from "./storage.js";
import type { S3Location } from "./storage-url.js";

export interface S3StorageOptions extends S3Location {
  /** Omitted: the SDK's default chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, profiles, IAM roles). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

const OCTET = "application/octet-stream";

function isNotFound(err: unknown): boolean {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === "NoSuchKey" || e?.name === "NotFound" || e?.$metadata?.httpStatusCode === 404;
}

export function s3Storage(opts: S3StorageOptions): Storage & { health(): Promise<void>; close(): void } {
  const client = new S3Client({
    region: opts.region,
    endpoint: opts.endpoint,
    forcePathStyle: opts.forcePathStyle,
    credentials: opts.credentials,
    // Checksums only where S3 requires them: the SDK's default (a CRC trailer on every upload, in
    // aws-chunked encoding) is not understood by several S3-compatible servers.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    // A storage outage fails a request in seconds instead of holding it (and its socket) open.
    requestHandler: { connectionTimeout: 5_000, requestTimeout: 30_000 },
    maxAttempts: 3,
  });
  const Bucket = opts.bucket;
  const objectKey = (key: string) => {
    assertSafeKey(key);
    return opts.prefix + key;
  };

  return {
    async put(key, data, contentType) {
      await client.send(
        new PutObjectCommand({
          Bucket,
          Key: objectKey(key),
          Body: data,
          ContentType: contentType,
          ContentLength: data.length,
        }),
      );
    },
    async putFile(key, path, contentType) {
      // Streamed from disk with its length known up front: a rendered video never sits in memory.
      const Key = objectKey(key);
      const { size } = await statFile(path);
      await client.send(
        new PutObjectCommand({
          Bucket,
          Key,
          Body: createReadStream(path),
          ContentType: contentType,
          ContentLength: size,
        }),
      );
    },
    async get(key) {
      try {
        const out = await client.send(new GetObjectCommand({ Bucket, Key: objectKey(key) }));
        const data = Buffer.from(await out.Body!.transformToByteArray());
        return { data, contentType: out.ContentType ?? OCTET };
      } catch (err) {
        if (isNotFound(err)) return null;
        throw err;
      }
    },
    async stat(key) {
      try {
        const out = await client.send(new HeadObjectCommand({ Bucket, Key: objectKey(key) }));
        return { size: out.ContentLength ?? 0, contentType: out.ContentType ?? OCTET };
      } catch (err) {
        if (isNotFound(err)) return null;
        throw err;
      }
    },
    async exists(key) {
      return (await this.stat(key)) !== null;
    },
    stream(key, range) {
      // The interface hands back a stream at once (the route has already sent its headers); the
      // object's bytes, or the request's error, arrive through it.
      const Key = objectKey(key);
      const out = new PassThrough();
      const Range = range ? `bytes=${range.start}-${range.end}` : undefined;
      client.send(new GetObjectCommand({ Bucket, Key, Range }), { abortSignal: abortOn(out) }).then(
        (res) => {
          let body = res.Body as Readable;
          body.on("error", (err) => out.destroy(err));
          out.on("close", () => body.destroy());
          try {
            if (range) body = body.pipe(exactly(range, res.ContentRange));
          } catch (err) {
            return void out.destroy(err as Error);
          }
          body.on("error", (err) => out.destroy(err));
          body.pipe(out);
        },
        (err) => out.destroy(err),
      );
      return out;
    },
    async delete(key) {
      // S3 deletes are idempotent: a missing key is a 204 like any other.
      await client.send(new DeleteObjectCommand({ Bucket, Key: objectKey(key) }));
    },
    async list(prefix) {
      assertSafePrefix(prefix);
      const keys: string[] = [];
      let ContinuationToken: string | undefined;
      do {
        const page = await client.send(
          new ListObjectsV2Command({ Bucket, Prefix: opts.prefix + prefix, ContinuationToken }),
        );
        for (const o of page.Contents ?? []) if (o.Key) keys.push(o.Key.slice(opts.prefix.length));
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (ContinuationToken);
      return keys.sort();
    },
    async health() {
      await client.send(new HeadBucketCommand({ Bucket }));
    },
    close() {
      client.destroy();
    },
  };
}

/**
 * The route has already promised Content-Length for the range, so exactly those bytes go out even
 * from a server that answers a Range with more (s3rver reads "bytes=0-0" as "bytes=0-") or ignores
 * it (a 200 with the whole object, no Content-Range).
 */
function exactly(range: { start: number; end: number }, contentRange: string | undefined): Transform {
  const from = Number(/^bytes (\d+)-/.exec(contentRange ?? "")?.[1] ?? 0);
  let skip = range.start - from;
  let left = range.end - range.start + 1;
  if (skip < 0) throw new Error(`storage answered from byte ${from}, after the requested ${range.start}`);
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      let c = chunk;
      if (skip > 0) {
        const n = Math.min(skip, c.length);
        skip -= n;
        c = c.subarray(n);
      }
      if (left > 0 && c.length > 0) {
        const part = c.subarray(0, left);
        left -= part.length;
        this.push(part);
      }
      done();
    },
  });
}

/** Aborts the S3 request when the reader goes away first (a player seeking drops its request). */
function abortOn(stream: PassThrough): AbortSignal {
  const ac = new AbortController();
  stream.once("close", () => {
    if (!stream.readableEnded) ac.abort();
  });
  return ac.signal;
}
