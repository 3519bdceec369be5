// STORAGE_URL → S3 driver options. Kept apart from the driver so config.ts can validate the URL
// without loading the AWS SDK (embedded installs never need it).

export interface S3Location {
  bucket: string;
  /** Keys live under this prefix ("" or ending in "/"), so several deployments can share a bucket. */
  prefix: string;
  /** Omitted for AWS itself; MinIO, R2, Supabase Storage and s3rver need it. */
  endpoint?: string;
  region: string;
  /** http://host/bucket/key rather than http://bucket.host/key: what MinIO and s3rver expect. */
  forcePathStyle: boolean;
}

const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/**
 * "s3://bucket/optional/prefix?endpoint=http://127.0.0.1:9000&region=us-east-1&forcePathStyle=true".
 * Returns the problem in words for the config error; credentials never go in the URL (they would
 * end up in process listings and logs): AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY instead.
 */
export function parseStorageUrl(raw: string): S3Location | string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "must be a URL such as s3://bucket?endpoint=http://127.0.0.1:9000";
  }
  if (url.protocol !== "s3:") return "must start with s3://";
  if (url.username || url.password)
    return "must not contain credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY";
  const bucket = url.hostname;
  if (!BUCKET.test(bucket)) return `bucket name ${JSON.stringify(bucket)} is not a valid S3 bucket name`;
  const path = decodeURIComponent(url.pathname).replace(/^\/+|\/+$/g, "");
  if (path && !/^[\w.\-/]+$/.test(path)) return "prefix may use letters, digits, '.', '-', '_' and '/'";
  const known = new Set(["endpoint", "region", "forcePathStyle"]);
  for (const k of url.searchParams.keys()) if (!known.has(k)) return `unknown parameter ${JSON.stringify(k)}`;
  const endpoint = url.searchParams.get("endpoint") ?? undefined;
  if (endpoint !== undefined && !/^https?:\/\/[^/]+/.test(endpoint)) return "endpoint must be an http(s):// URL";
  const fps = url.searchParams.get("forcePathStyle");
  if (fps !== null && !["true", "false"].includes(fps)) return "forcePathStyle must be true or false";
  return {
    bucket,
    prefix: path ? `${path}/` : "",
    endpoint,
    region: url.searchParams.get("region") ?? "us-east-1",
    // A custom endpoint is usually MinIO-like, where path style is the safe default.
    forcePathStyle: fps === null ? endpoint !== undefined : fps === "true",
  };
}
