/** The part of s3rver's API the local cloud uses (the package ships no types). */
declare module 's3rver' {
  import type { Server } from 'node:http';

  type S3rverOptions = {
    address?: string;
    port?: number;
    silent?: boolean;
    directory: string;
    resetOnClose?: boolean;
    /** Buckets created at start, each with optional CORS or website configuration XML. */
    configureBuckets?: { name: string; configs?: string[] }[];
  };

  export default class S3rver {
    constructor(options: S3rverOptions);
    /** Starts listening; resolves with the address actually bound. */
    run(): Promise<{ address: string; port: number }>;
    httpServer?: Server;
  }
}
