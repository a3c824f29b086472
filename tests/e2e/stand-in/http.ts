// Reading request bodies (JSON, or multipart with payload_json when files are attached) and
// writing Discord-style responses.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { RecordedFile } from "./state.js";

export interface ParsedBody {
  body: unknown;
  files: RecordedFile[];
  invalidJson: boolean;
}

async function readRaw(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parseJson(text: string): { value: unknown; ok: boolean } {
  try {
    return { value: JSON.parse(text), ok: true };
  } catch {
    return { value: undefined, ok: false };
  }
}

async function parseMultipart(raw: Buffer, contentType: string): Promise<ParsedBody> {
  // The platform's Request parses multipart/form-data for us.
  const form = await new Request("http://stand-in.invalid/", {
    method: "POST",
    headers: { "content-type": contentType },
    body: raw,
  }).formData();
  const files: RecordedFile[] = [];
  let body: unknown;
  let invalidJson = false;
  for (const [field, value] of form.entries()) {
    if (typeof value === "string") {
      if (field !== "payload_json") continue;
      const parsed = parseJson(value);
      body = parsed.value;
      invalidJson = !parsed.ok;
    } else {
      files.push({ field, name: value.name, contentType: value.type, size: value.size });
    }
  }
  return { body, files, invalidJson };
}

export async function readBody(req: IncomingMessage): Promise<ParsedBody> {
  const raw = await readRaw(req);
  if (raw.length === 0) return { body: undefined, files: [], invalidJson: false };
  const contentType = req.headers["content-type"] ?? "";
  if (contentType.startsWith("multipart/form-data")) return parseMultipart(raw, contentType);
  const parsed = parseJson(raw.toString("utf8"));
  return { body: parsed.value, files: [], invalidJson: !parsed.ok };
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(text).toString(),
    ...headers,
  });
  res.end(text);
}

export function sendEmpty(res: ServerResponse, status: number): void {
  res.writeHead(status, { "Content-Length": "0" });
  res.end();
}
