/** Tells a WebSub hub which feeds changed, so subscribers hear at once instead of polling. */
import { describeError } from '../errors.ts';

const HUB_TIMEOUT_MS = 10_000;

export interface HubPing {
  topic: string;
  ok: boolean;
  error?: string;
}

/** Sends one `hub.mode=publish` per changed topic; never throws, a failing hub is only reported. */
export async function announceToHub(hub: string, topics: readonly string[], userAgent: string): Promise<HubPing[]> {
  return Promise.all(topics.map((topic) => pingHub(hub, topic, userAgent)));
}

async function pingHub(hub: string, topic: string, userAgent: string): Promise<HubPing> {
  try {
    const response = await fetch(hub, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': userAgent },
      body: new URLSearchParams({ 'hub.mode': 'publish', 'hub.url': topic }).toString(),
      redirect: 'manual',
      signal: AbortSignal.timeout(HUB_TIMEOUT_MS),
    });
    await response.body?.cancel();
    return response.ok ? { topic, ok: true } : { topic, ok: false, error: `HTTP ${response.status}` };
  } catch (error) {
    return { topic, ok: false, error: describeError(error) };
  }
}
