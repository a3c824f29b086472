// Discord's message limits, checked the way Discord checks them: each problem is reported at the
// path of its field, and any problem rejects the whole request with 400 / 50035.
// Lengths count Unicode code points, as Discord (a Python service) does.
import type { FieldPath, FormErrors } from "./errors.js";

export const LIMITS = {
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  embedTotal: 6000,
  actionRows: 5,
  rowButtons: 5,
  customId: 100,
  buttonLabel: 80,
  selectOptions: 25,
  selectOptionText: 100,
  selectPlaceholder: 150,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
  v2Components: 40,
  v2TextTotal: 4000,
} as const;

const IS_COMPONENTS_V2 = 1 << 15;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function charLength(text: string): number {
  return [...text].length;
}

function maxLength(errors: FormErrors, path: FieldPath, value: unknown, max: number): void {
  if (value === undefined || value === null) return;
  if (typeof value !== "string") {
    errors.add(path, "STRING_TYPE_CONVERT", "Could not interpret the value as string.");
    return;
  }
  if (charLength(value) > max) {
    errors.add(path, "BASE_TYPE_MAX_LENGTH", `Must be ${max} or fewer in length.`);
  }
}

function requiredLength(
  errors: FormErrors,
  path: FieldPath,
  value: unknown,
  min: number,
  max: number,
): void {
  if (value === undefined || value === null || value === "") {
    errors.add(path, "BASE_TYPE_REQUIRED", "This field is required");
    return;
  }
  if (typeof value !== "string") {
    errors.add(path, "STRING_TYPE_CONVERT", "Could not interpret the value as string.");
    return;
  }
  const length = charLength(value);
  if (length < min || length > max) {
    errors.add(path, "BASE_TYPE_BAD_LENGTH", `Must be between ${min} and ${max} in length.`);
  }
}

function arrayAt(errors: FormErrors, path: FieldPath, value: unknown, max: number): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    errors.add(path, "LIST_TYPE_CONVERT", "Must be an array.");
    return [];
  }
  if (value.length > max) {
    errors.add(path, "BASE_TYPE_MAX_LENGTH", `Must be ${max} or fewer in length.`);
  }
  return value;
}

/** Characters that count towards the 6000 across a message's embeds. */
export function embedLength(embed: Record<string, unknown>): number {
  const text = (value: unknown) => (typeof value === "string" ? charLength(value) : 0);
  let total = text(embed.title) + text(embed.description);
  if (isRecord(embed.footer)) total += text(embed.footer.text);
  if (isRecord(embed.author)) total += text(embed.author.name);
  if (Array.isArray(embed.fields)) {
    for (const field of embed.fields) {
      if (isRecord(field)) total += text(field.name) + text(field.value);
    }
  }
  return total;
}

function validateEmbed(errors: FormErrors, path: FieldPath, embed: unknown): void {
  if (!isRecord(embed)) {
    errors.add(path, "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType");
    return;
  }
  maxLength(errors, [...path, "title"], embed.title, LIMITS.embedTitle);
  maxLength(errors, [...path, "description"], embed.description, LIMITS.embedDescription);
  if (embed.footer !== undefined && embed.footer !== null) {
    const footer = isRecord(embed.footer) ? embed.footer : {};
    requiredLength(errors, [...path, "footer", "text"], footer.text, 1, LIMITS.footerText);
  }
  if (embed.author !== undefined && embed.author !== null) {
    const author = isRecord(embed.author) ? embed.author : {};
    requiredLength(errors, [...path, "author", "name"], author.name, 1, LIMITS.authorName);
  }
  if (embed.color !== undefined && embed.color !== null) {
    const ok = Number.isInteger(embed.color) && Number(embed.color) >= 0;
    if (!ok || Number(embed.color) > 0xffffff) {
      errors.add([...path, "color"], "NUMBER_TYPE_MAX", "int value should be <= 16777215.");
    }
  }
  const fields = arrayAt(errors, [...path, "fields"], embed.fields, LIMITS.embedFields);
  fields.forEach((field, i) => {
    const at = [...path, "fields", i];
    const f = isRecord(field) ? field : {};
    requiredLength(errors, [...at, "name"], f.name, 1, LIMITS.fieldName);
    requiredLength(errors, [...at, "value"], f.value, 1, LIMITS.fieldValue);
  });
}

export function validateEmbeds(errors: FormErrors, path: FieldPath, value: unknown): void {
  const embeds = arrayAt(errors, path, value, LIMITS.embeds);
  embeds.forEach((embed, i) => {
    validateEmbed(errors, [...path, i], embed);
  });
  const total = embeds.reduce<number>((sum, e) => sum + (isRecord(e) ? embedLength(e) : 0), 0);
  if (total > LIMITS.embedTotal) {
    errors.add(path, "MAX_EMBED_SIZE_EXCEEDED", "Embed size exceeds maximum size of 6000");
  }
}

function validateButton(
  errors: FormErrors,
  path: FieldPath,
  button: Record<string, unknown>,
  seen: Set<unknown>,
): void {
  maxLength(errors, [...path, "label"], button.label, LIMITS.buttonLabel);
  const style = button.style;
  if (style === 5) {
    if (typeof button.url !== "string" || button.url === "") {
      errors.add([...path, "url"], "BASE_TYPE_REQUIRED", "This field is required");
    }
    if (button.custom_id !== undefined) {
      errors.add(
        [...path, "custom_id"],
        "COMPONENT_INVALID_FIELD",
        "Link buttons cannot have a custom_id",
      );
    }
    return;
  }
  if (style === 6) return; // premium buttons carry a sku_id only
  if (!(typeof style === "number" && style >= 1 && style <= 4)) {
    errors.add([...path, "style"], "BASE_TYPE_CHOICES", "Value must be one of {1, 2, 3, 4, 5, 6}.");
  }
  if (button.label === undefined && button.emoji === undefined) {
    errors.add([...path, "label"], "BASE_TYPE_REQUIRED", "A button needs a label or an emoji");
  }
  validateCustomId(errors, [...path, "custom_id"], button.custom_id, seen);
}

function validateCustomId(errors: FormErrors, path: FieldPath, id: unknown, seen: Set<unknown>) {
  requiredLength(errors, path, id, 1, LIMITS.customId);
  if (seen.has(id)) {
    errors.add(path, "COMPONENT_CUSTOM_ID_DUPLICATED", "Component custom id cannot be duplicated");
  }
  seen.add(id);
}

function validateSelect(
  errors: FormErrors,
  path: FieldPath,
  select: Record<string, unknown>,
  seen: Set<unknown>,
): void {
  validateCustomId(errors, [...path, "custom_id"], select.custom_id, seen);
  maxLength(errors, [...path, "placeholder"], select.placeholder, LIMITS.selectPlaceholder);
  if (select.type !== 3) return;
  const options = arrayAt(errors, [...path, "options"], select.options, LIMITS.selectOptions);
  if (options.length === 0) {
    errors.add([...path, "options"], "BASE_TYPE_REQUIRED", "This field is required");
  }
  options.forEach((option, i) => {
    const o = isRecord(option) ? option : {};
    requiredLength(errors, [...path, "options", i, "label"], o.label, 1, LIMITS.selectOptionText);
    requiredLength(errors, [...path, "options", i, "value"], o.value, 1, LIMITS.selectOptionText);
    maxLength(
      errors,
      [...path, "options", i, "description"],
      o.description,
      LIMITS.selectOptionText,
    );
  });
}

const SELECT_TYPES = new Set([3, 5, 6, 7, 8]);

/** Classic components: at most 5 action rows, each with up to 5 buttons or one select menu. */
function validateClassicComponents(errors: FormErrors, path: FieldPath, rows: unknown[]): void {
  const seen = new Set<unknown>();
  rows.forEach((row, r) => {
    const at = [...path, r];
    if (!isRecord(row) || row.type !== 1) {
      errors.add(
        [...at, "type"],
        "UNION_TYPE_CHOICES",
        'Value of field "type" must be one of (1,).',
      );
      return;
    }
    const children = arrayAt(errors, [...at, "components"], row.components, LIMITS.rowButtons);
    if (children.length === 0) {
      errors.add([...at, "components"], "BASE_TYPE_REQUIRED", "This field is required");
    }
    const hasSelect = children.some((c) => isRecord(c) && SELECT_TYPES.has(Number(c.type)));
    if (hasSelect && children.length > 1) {
      errors.add(
        [...at, "components"],
        "COMPONENT_LAYOUT_WIDTH_EXCEEDED",
        "A select menu fills its row",
      );
    }
    children.forEach((child, c) => {
      const childPath = [...at, "components", c];
      if (isRecord(child) && child.type === 2) validateButton(errors, childPath, child, seen);
      else if (isRecord(child) && SELECT_TYPES.has(Number(child.type))) {
        validateSelect(errors, childPath, child, seen);
      } else {
        errors.add([...childPath, "type"], "UNION_TYPE_CHOICES", "Unknown component type.");
      }
    });
  });
}

/** Components v2: no content or embeds, at most 40 components, 4000 characters of text. */
function validateV2Components(
  errors: FormErrors,
  path: FieldPath,
  body: Record<string, unknown>,
): void {
  if (typeof body.content === "string" && body.content !== "") {
    errors.add(
      ["content"],
      "MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2",
      "No content with components v2",
    );
  }
  if (Array.isArray(body.embeds) && body.embeds.length > 0) {
    errors.add(
      ["embeds"],
      "MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2",
      "No embeds with components v2",
    );
  }
  let count = 0;
  let text = 0;
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (isRecord(node)) {
      if (typeof node.type === "number") count++;
      if (node.type === 10 && typeof node.content === "string") text += charLength(node.content);
      walk(node.components);
      walk(node.accessory);
    }
  };
  walk(body.components);
  if (count > LIMITS.v2Components) {
    errors.add(path, "BASE_TYPE_MAX_LENGTH", `Must be ${LIMITS.v2Components} or fewer in length.`);
  }
  if (text > LIMITS.v2TextTotal) {
    errors.add(path, "MAX_COMPONENT_TEXT_EXCEEDED", `Text must be ${LIMITS.v2TextTotal} or fewer.`);
  }
}

function validateAllowedMentions(errors: FormErrors, path: FieldPath, value: unknown): void {
  if (value === undefined || value === null) return;
  if (!isRecord(value)) {
    errors.add(path, "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType");
    return;
  }
  const parse = arrayAt(errors, [...path, "parse"], value.parse, 3);
  parse.forEach((kind, i) => {
    if (kind !== "users" && kind !== "roles" && kind !== "everyone") {
      errors.add(
        [...path, "parse", i],
        "BASE_TYPE_CHOICES",
        "Value must be one of ('roles', 'users', 'everyone').",
      );
    }
  });
  for (const kind of ["users", "roles"] as const) {
    const ids = arrayAt(errors, [...path, kind], value[kind], 100);
    if (ids.length > 0 && parse.includes(kind)) {
      errors.add(
        [...path, "parse"],
        "MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE",
        `parse:["${kind}"] and ${kind}: [ids] are mutually exclusive.`,
      );
    }
  }
}

export interface MessageCheck {
  /** Creating needs something to show; an edit may change one field only. */
  partial: boolean;
  /** Where the message sits in the request body: [] for channel messages, ["data"] for callbacks. */
  path?: FieldPath;
  /** Files attached through multipart count as content. */
  hasFiles?: boolean;
}

/** Checks a message body against Discord's limits. Returns true when it is empty (Discord's 50006). */
export function validateMessage(errors: FormErrors, body: unknown, check: MessageCheck): boolean {
  const path = check.path ?? [];
  if (!isRecord(body)) {
    errors.add(path, "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType");
    return false;
  }
  const v2 = typeof body.flags === "number" && (body.flags & IS_COMPONENTS_V2) !== 0;
  maxLength(errors, [...path, "content"], body.content, LIMITS.content);
  validateEmbeds(errors, [...path, "embeds"], body.embeds);
  if (v2) validateV2Components(errors, [...path, "components"], body);
  else {
    const rows = arrayAt(errors, [...path, "components"], body.components, LIMITS.actionRows);
    validateClassicComponents(errors, [...path, "components"], rows);
  }
  validateAllowedMentions(errors, [...path, "allowed_mentions"], body.allowed_mentions);
  if (check.partial) return false;
  const hasContent = typeof body.content === "string" && body.content.trim() !== "";
  const hasEmbeds = Array.isArray(body.embeds) && body.embeds.length > 0;
  const hasComponents = Array.isArray(body.components) && body.components.length > 0;
  const hasStickers = Array.isArray(body.sticker_ids) && body.sticker_ids.length > 0;
  return !(hasContent || hasEmbeds || hasComponents || hasStickers || check.hasFiles || body.poll);
}

/** An autocomplete answer: at most 25 choices, each name and string value 1 to 100 characters. */
export function validateChoices(errors: FormErrors, path: FieldPath, data: unknown): void {
  const choices = isRecord(data) ? data.choices : undefined;
  if (!Array.isArray(choices)) {
    errors.add([...path, "choices"], "BASE_TYPE_REQUIRED", "This field is required");
    return;
  }
  arrayAt(errors, [...path, "choices"], choices, LIMITS.choices);
  choices.forEach((choice, i) => {
    const c = isRecord(choice) ? choice : {};
    requiredLength(errors, [...path, "choices", i, "name"], c.name, 1, LIMITS.choiceName);
    if (typeof c.value === "string") {
      requiredLength(errors, [...path, "choices", i, "value"], c.value, 1, LIMITS.choiceValue);
    } else if (typeof c.value !== "number") {
      errors.add([...path, "choices", i, "value"], "BASE_TYPE_REQUIRED", "This field is required");
    }
  });
}
