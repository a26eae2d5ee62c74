export const replicaUnavailable: string | null;
export function startReplicaPair(options?: { name?: string; port?: number; applyDelay?: string | null; version?: string }): Promise<{
  primaryUrl: string;
  replicaUrl: string;
  stopReplica: () => void;
  startReplica: () => Promise<void>;
  stop: () => Promise<void>;
}>;
