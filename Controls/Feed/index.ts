/** Rapport.Feed: the feed as a React (virtual) code component. updateView returns the element; the platform renders it. */
import * as React from "react";
import type { Scope } from "../shared/api";
import { envOf, type Env } from "../shared/host";
import { FeedApp } from "./FeedApp";

interface IInputs {
  anchor: ComponentFramework.PropertyTypes.StringProperty;
  scope: ComponentFramework.PropertyTypes.StringProperty;
}
type IOutputs = Record<string, never>;

export class Feed implements ComponentFramework.ReactControl<IInputs, IOutputs> {
  private env: Env | null = null;
  private key = "";

  init(context: ComponentFramework.Context<IInputs>): void {
    this.env = envOf(context);
  }

  updateView(context: ComponentFramework.Context<IInputs>): React.ReactElement {
    // The same record keeps the same environment (and the component its state); another record starts afresh.
    const env = envOf(context);
    const key = `${env.record?.table}:${env.record?.id}:${env.locale}`;
    if (!this.env || key !== this.key) {
      this.env = env;
      this.key = key;
    }
    const raw = (context.parameters.scope?.raw ?? "").trim().toLowerCase();
    const scope: Scope = raw === "my" || raw === "mentions" ? raw : "record";
    return React.createElement(FeedApp, { key, env: this.env, scope });
  }

  getOutputs(): IOutputs {
    return {};
  }

  destroy(): void {
    this.env = null;
  }
}
