// The sizes the benchmark measures at.

export type Scale = {
  users: number;
  communities: number;
  /** Communities with 5,000 members: the few very large ones. */
  giants: number;
  giantSize: number;
  posts: number;
  commentsPerPost: number;
  paragraphPool: number;
};

export const scales: Record<string, Scale> = {
  small: { users: 1_000, communities: 100, giants: 1, giantSize: 600, posts: 10_000, commentsPerPost: 3, paragraphPool: 2_000 },
  large: { users: 100_000, communities: 10_000, giants: 5, giantSize: 5_000, posts: 1_000_000, commentsPerPost: 3, paragraphPool: 20_000 },
};

/** The accounts the load benchmark signs in as. Password for all: BENCH_PASSWORD. */
export const BENCH_PASSWORD = "benchmark-password";
export const benchAccounts = {
  member: "bench.member@example.gov.uk",
  writer: "bench.writer@example.gov.uk",
  /** A facilitator of the communities the member belongs to, for the figures page. */
  facilitator: "bench.facilitator@example.gov.uk",
};

/** A phrase that the data generator puts in a few posts only. */
export const RARE_PHRASE = "hedgerow biodiversity audit";
