/**
 * Participation settings from the environment (docs/participation.md). Read on every call so
 * that tests and operators can change them without a rebuild.
 */
const int = (env: NodeJS.ProcessEnv, name: string, fallback: number, min = 1) => {
  const raw = env[name];
  const n = Number(raw);
  return raw !== undefined && raw !== '' && Number.isFinite(n) && n >= min
    ? Math.floor(n)
    : fallback;
};

export type ParticipationSettings = {
  /** Submissions (POST) per client address per window. */
  ipPoints: number;
  ipWindowSeconds: number;
  /** Submissions per unit per window (all addresses together). */
  unitPoints: number;
  unitWindowSeconds: number;
  /** Challenges handed out per client address per minute. */
  challengePoints: number;
  /** Days to answer a correction or question. */
  dueDays: number;
  /** ALTCHA: PBKDF2 iterations per attempt, and the range of the secret counter. */
  altchaCost: number;
  altchaCounterMin: number;
  altchaCounterMax: number;
  altchaExpirySeconds: number;
  /** Attachments of a complaint: how many, and the size of each. */
  maxFiles: number;
  maxFileBytes: number;
  redisUrl: string | null;
  redisPrefix: string;
};

export const participationSettings = (
  env: NodeJS.ProcessEnv = process.env,
): ParticipationSettings => {
  const counterMin = int(env, 'PARTICIPATION_ALTCHA_COUNTER_MIN', 5000, 0);
  return {
    ipPoints: int(env, 'PARTICIPATION_IP_MAX', 20),
    ipWindowSeconds: int(env, 'PARTICIPATION_IP_WINDOW_SECONDS', 3600),
    unitPoints: int(env, 'PARTICIPATION_UNIT_MAX', 500),
    unitWindowSeconds: int(env, 'PARTICIPATION_UNIT_WINDOW_SECONDS', 3600),
    challengePoints: int(env, 'PARTICIPATION_CHALLENGES_PER_MINUTE', 30),
    dueDays: int(env, 'PARTICIPATION_DUE_DAYS', 15),
    altchaCost: int(env, 'PARTICIPATION_ALTCHA_COST', 5000),
    altchaCounterMin: counterMin,
    altchaCounterMax: Math.max(
      counterMin + 1,
      int(env, 'PARTICIPATION_ALTCHA_COUNTER_MAX', 10000, 1),
    ),
    altchaExpirySeconds: int(env, 'PARTICIPATION_ALTCHA_EXPIRY_SECONDS', 600, 30),
    maxFiles: int(env, 'PARTICIPATION_MAX_FILES', 3, 0),
    maxFileBytes: int(env, 'PARTICIPATION_MAX_FILE_MB', 10) * 1024 * 1024,
    redisUrl: env.REDIS_URL || null,
    redisPrefix: env.REDIS_PREFIX || 'prongsai:',
  };
};
