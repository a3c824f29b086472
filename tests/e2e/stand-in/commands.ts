// Application command registration (bulk overwrite), validated as Discord does: names, lengths,
// localization locales, option order and choices. Valid commands are echoed back with ids.
import type { FieldPath, FormErrors } from "./errors.js";
import { charLength, isRecord } from "./limits.js";
import type { RegisteredCommand } from "./state.js";

/** The locales Discord accepts in name_localizations / description_localizations. */
export const DISCORD_LOCALES = new Set([
  "id",
  "da",
  "de",
  "en-GB",
  "en-US",
  "es-ES",
  "es-419",
  "fr",
  "hr",
  "it",
  "lt",
  "hu",
  "nl",
  "no",
  "pl",
  "pt-BR",
  "ro",
  "fi",
  "sv-SE",
  "vi",
  "tr",
  "cs",
  "el",
  "bg",
  "ru",
  "uk",
  "hi",
  "th",
  "zh-CN",
  "ja",
  "zh-TW",
  "ko",
]);

const CHAT_INPUT_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const MAX_COMMAND_CHARS = 4000;

function checkName(errors: FormErrors, path: FieldPath, name: unknown, chatInput: boolean): void {
  if (typeof name !== "string" || name === "") {
    errors.add(path, "BASE_TYPE_REQUIRED", "This field is required");
    return;
  }
  if (chatInput) {
    if (!CHAT_INPUT_NAME.test(name)) {
      errors.add(path, "APPLICATION_COMMAND_INVALID_NAME", `Command name "${name}" is invalid`);
    } else if (name !== name.toLowerCase()) {
      errors.add(
        path,
        "APPLICATION_COMMAND_INVALID_NAME",
        `Command name "${name}" must be lowercase`,
      );
    }
  } else if (charLength(name) > 32) {
    errors.add(path, "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 32 in length.");
  }
}

function checkDescription(errors: FormErrors, path: FieldPath, text: unknown, required: boolean) {
  if (!required) {
    if (text !== undefined && text !== "" && text !== null) {
      errors.add(
        path,
        "APPLICATION_COMMAND_DESCRIPTION_NOT_ALLOWED",
        "Context menu commands have no description",
      );
    }
    return;
  }
  const length = typeof text === "string" ? charLength(text) : 0;
  if (length < 1 || length > 100) {
    errors.add(path, "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.");
  }
}

function checkLocalizations(
  errors: FormErrors,
  path: FieldPath,
  value: unknown,
  each: (at: FieldPath, text: unknown) => void,
): void {
  if (value === undefined || value === null) return;
  if (!isRecord(value)) {
    errors.add(path, "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType");
    return;
  }
  for (const [locale, text] of Object.entries(value)) {
    if (!DISCORD_LOCALES.has(locale)) {
      errors.add(
        [...path, locale],
        "ENUM_TYPE_COERCE",
        `Value "${locale}" is not a valid enum value.`,
      );
    } else each([...path, locale], text);
  }
}

/** The longest of a field and its localizations, which is what counts towards 4000. */
function longest(text: unknown, localizations: unknown): number {
  const values = [text, ...(isRecord(localizations) ? Object.values(localizations) : [])];
  return Math.max(0, ...values.map((v) => (typeof v === "string" ? charLength(v) : 0)));
}

function checkOptions(errors: FormErrors, path: FieldPath, value: unknown): number {
  if (value === undefined || value === null) return 0;
  if (!Array.isArray(value)) {
    errors.add(path, "LIST_TYPE_CONVERT", "Must be an array.");
    return 0;
  }
  if (value.length > 25) errors.add(path, "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.");
  let chars = 0;
  let sawOptional = false;
  const names = new Set<unknown>();
  value.forEach((raw, i) => {
    const at = [...path, i];
    const option = isRecord(raw) ? raw : {};
    checkName(errors, [...at, "name"], option.name, true);
    if (names.has(option.name)) {
      errors.add(
        [...at, "name"],
        "APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS",
        "Option names must be unique",
      );
    }
    names.add(option.name);
    checkDescription(errors, [...at, "description"], option.description, true);
    checkLocalizations(errors, [...at, "name_localizations"], option.name_localizations, (p, t) =>
      checkName(errors, p, t, true),
    );
    checkLocalizations(
      errors,
      [...at, "description_localizations"],
      option.description_localizations,
      (p, t) => checkDescription(errors, p, t, true),
    );
    if (!(typeof option.type === "number" && option.type >= 1 && option.type <= 11)) {
      errors.add([...at, "type"], "BASE_TYPE_CHOICES", "Value must be one of (1, …, 11).");
    }
    const isSub = option.type === 1 || option.type === 2;
    if (!isSub) {
      if (option.required === true && sawOptional) {
        errors.add(
          [...at, "required"],
          "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID",
          "Required options must be placed before non-required options",
        );
      }
      if (option.required !== true) sawOptional = true;
    }
    if (
      option.autocomplete === true &&
      Array.isArray(option.choices) &&
      option.choices.length > 0
    ) {
      errors.add(
        [...at, "autocomplete"],
        "APPLICATION_COMMAND_OPTION_AUTOCOMPLETE_CHOICES",
        "Autocomplete and choices are exclusive",
      );
    }
    chars += longest(option.name, option.name_localizations);
    chars += longest(option.description, option.description_localizations);
    chars += checkChoices(errors, [...at, "choices"], option.choices);
    chars += checkOptions(errors, [...at, "options"], option.options);
  });
  return chars;
}

function checkChoices(errors: FormErrors, path: FieldPath, value: unknown): number {
  if (!Array.isArray(value)) return 0;
  if (value.length > 25) errors.add(path, "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.");
  let chars = 0;
  value.forEach((raw, i) => {
    const choice = isRecord(raw) ? raw : {};
    const nameLength = typeof choice.name === "string" ? charLength(choice.name) : 0;
    if (nameLength < 1 || nameLength > 100) {
      errors.add(
        [...path, i, "name"],
        "BASE_TYPE_BAD_LENGTH",
        "Must be between 1 and 100 in length.",
      );
    }
    if (typeof choice.value === "string" && charLength(choice.value) > 100) {
      errors.add([...path, i, "value"], "BASE_TYPE_MAX_LENGTH", "Must be 100 or fewer in length.");
    }
    chars += longest(choice.name, choice.name_localizations) + String(choice.value ?? "").length;
  });
  return chars;
}

function checkCommand(errors: FormErrors, path: FieldPath, command: Record<string, unknown>): void {
  const type = command.type ?? 1;
  if (type !== 1 && type !== 2 && type !== 3 && type !== 4) {
    errors.add([...path, "type"], "BASE_TYPE_CHOICES", "Value must be one of (1, 2, 3, 4).");
  }
  const chatInput = type === 1;
  checkName(errors, [...path, "name"], command.name, chatInput);
  checkDescription(errors, [...path, "description"], command.description, chatInput);
  checkLocalizations(errors, [...path, "name_localizations"], command.name_localizations, (p, t) =>
    checkName(errors, p, t, chatInput),
  );
  checkLocalizations(
    errors,
    [...path, "description_localizations"],
    command.description_localizations,
    (p, t) => checkDescription(errors, p, t, chatInput),
  );
  const permissions = command.default_member_permissions;
  if (
    permissions !== undefined &&
    permissions !== null &&
    !(typeof permissions === "string" && /^\d+$/.test(permissions))
  ) {
    errors.add(
      [...path, "default_member_permissions"],
      "NUMBER_TYPE_COERCE",
      "Value is not a valid permission set string.",
    );
  }
  if (!chatInput && command.options !== undefined) {
    errors.add(
      [...path, "options"],
      "APPLICATION_COMMAND_OPTIONS_NOT_ALLOWED",
      "Only chat input commands have options",
    );
  }
  const chars =
    longest(command.name, command.name_localizations) +
    longest(command.description, command.description_localizations) +
    checkOptions(errors, [...path, "options"], command.options);
  if (chars > MAX_COMMAND_CHARS) {
    errors.add(
      path,
      "APPLICATION_COMMAND_TOO_LARGE",
      `Command exceeds maximum size (${MAX_COMMAND_CHARS})`,
    );
  }
}

/** Validates a bulk overwrite; returns the commands to store (ids kept for unchanged names). */
export function overwriteCommands(
  errors: FormErrors,
  body: unknown,
  previous: RegisteredCommand[],
  context: { applicationId: string; guildId?: string; nextId: () => string },
): RegisteredCommand[] {
  if (!Array.isArray(body)) {
    errors.add([], "LIST_TYPE_CONVERT", "Must be an array.");
    return [];
  }
  const seen = new Set<string>();
  const perType = new Map<unknown, number>();
  body.forEach((raw, i) => {
    const command = isRecord(raw) ? raw : {};
    checkCommand(errors, [i], command);
    const type = command.type ?? 1;
    const key = `${String(type)}:${String(command.name)}`;
    if (seen.has(key)) {
      errors.add(
        [i, "name"],
        "APPLICATION_COMMANDS_DUPLICATE_NAME",
        `Application command names must be unique`,
      );
    }
    seen.add(key);
    perType.set(type, (perType.get(type) ?? 0) + 1);
  });
  if ((perType.get(1) ?? 0) > 100 || (perType.get(2) ?? 0) > 15 || (perType.get(3) ?? 0) > 15) {
    errors.add([], "BASE_TYPE_MAX_LENGTH", "Too many application commands of one type.");
  }
  if (!errors.empty) return [];
  return body.map((raw) => {
    const command = raw as Record<string, unknown>;
    const type = Number(command.type ?? 1);
    const name = String(command.name);
    const kept = previous.find((p) => p.name === name && p.type === type);
    return {
      ...command,
      id: kept?.id ?? context.nextId(),
      application_id: context.applicationId,
      version: context.nextId(),
      type,
      name,
      description: typeof command.description === "string" ? command.description : "",
      name_localizations: command.name_localizations ?? null,
      description_localizations: command.description_localizations ?? null,
      default_member_permissions: command.default_member_permissions ?? null,
      contexts: command.contexts ?? null,
      integration_types: command.integration_types ?? [0],
      nsfw: command.nsfw ?? false,
      ...(context.guildId
        ? { guild_id: context.guildId }
        : { dm_permission: command.dm_permission ?? true }),
    };
  });
}
