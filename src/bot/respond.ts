/**
 * Answers one interaction, whatever state it is in: a first reply, the edit of a deferred reply,
 * follow-ups for the rest. Calls are serialised, so a safety-net defer and a handler's reply
 * never race, and every payload goes through the builders in payload.ts (no pings).
 */
import { MessageFlags, type RepliableInteraction } from "discord.js";
import { editOptions, replyOptions, updateOptions } from "./payload.js";
import type { RenderedMessage } from "./render/limits.js";
import { renderNotice } from "./render/pages.js";

type State = "idle" | "deferred" | "replied";

export interface SendOptions {
  /** Show it to the user alone; default: the responder's visibility. */
  readonly ephemeral?: boolean;
}

export class Responder {
  readonly #interaction: RepliableInteraction;
  #state: State = "idle";
  /** Visibility of the first response, and of a defer. */
  #ephemeral = false;
  #deferredEphemeral = false;
  #queue: Promise<unknown> = Promise.resolve();
  #sent = 0;

  constructor(interaction: RepliableInteraction) {
    this.#interaction = interaction;
  }

  /** Whether answers go to the user alone unless said otherwise (set before deferring). */
  set ephemeral(value: boolean) {
    this.#ephemeral = value;
  }

  get ephemeral(): boolean {
    return this.#ephemeral;
  }

  get state(): State {
    return this.#state;
  }

  /** True once the user sees something other than a "thinking…" placeholder. */
  get delivered(): boolean {
    return this.#sent > 0;
  }

  /** Acknowledges now ("thinking…"); does nothing if already acknowledged. */
  defer(): Promise<void> {
    return this.#serial(async () => {
      if (this.#state !== "idle") return;
      const ephemeral = this.#ephemeral;
      await this.#interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
      this.#state = "deferred";
      this.#deferredEphemeral = ephemeral;
    });
  }

  /** Defers after `ms` unless something was sent by then; returns a function that cancels it. */
  deferAfter(ms: number, onError: (error: unknown) => void): () => void {
    const timer = setTimeout(() => {
      if (this.#state === "idle") this.defer().catch(onError);
    }, ms);
    return () => clearTimeout(timer);
  }

  /** Sends the messages in order: the first as the reply, the others as follow-ups. */
  send(messages: readonly RenderedMessage[], options: SendOptions = {}): Promise<void> {
    const ephemeral = options.ephemeral ?? this.#ephemeral;
    return this.#serial(async () => {
      for (const message of messages) await this.#sendOne(message, ephemeral);
    });
  }

  /**
   * Replaces the message whose button was pressed (a page turn). Once acknowledged otherwise
   * (a safety-net defer), the page comes as a private follow-up instead.
   */
  update(message: RenderedMessage): Promise<void> {
    return this.#serial(async () => {
      const i = this.#interaction;
      if (this.#state === "idle" && i.isMessageComponent()) {
        await i.update(updateOptions(message));
        this.#state = "replied";
        this.#sent++;
        return;
      }
      await this.#sendOne(message, true);
    });
  }

  /** A short private text: cooldowns, refusals, errors. */
  notice(text: string): Promise<void> {
    return this.send([renderNotice(text)], { ephemeral: true });
  }

  async #sendOne(message: RenderedMessage, ephemeral: boolean): Promise<void> {
    const i = this.#interaction;
    if (this.#state === "idle") {
      await i.reply(replyOptions(message, ephemeral));
      this.#state = "replied";
    } else if (this.#state === "deferred" && this.#sent === 0) {
      if (ephemeral && !this.#deferredEphemeral) {
        // A public "thinking…" cannot become private: remove it, then follow up privately.
        await i.deleteReply();
        await i.followUp(replyOptions(message, true));
      } else {
        await i.editReply(editOptions(message));
      }
    } else {
      await i.followUp(replyOptions(message, ephemeral));
    }
    this.#sent++;
  }

  #serial(task: () => Promise<void>): Promise<void> {
    const run = this.#queue.then(task);
    this.#queue = run.catch(() => undefined);
    return run;
  }
}
