/** Rapport.InsightsCard: the CLV & engagement card as a React (virtual) code component. */
import * as React from "react";
import { envOf, type Env } from "../shared/host";
import { CardApp } from "./CardApp";

interface IInputs {
  anchor: ComponentFramework.PropertyTypes.StringProperty;
}
type IOutputs = Record<string, never>;

export class InsightsCard implements ComponentFramework.ReactControl<IInputs, IOutputs> {
  private env: Env | null = null;
  private key = "";

  init(context: ComponentFramework.Context<IInputs>): void {
    this.env = envOf(context);
  }

  updateView(context: ComponentFramework.Context<IInputs>): React.ReactElement {
    const env = envOf(context);
    const key = `${env.record?.table}:${env.record?.id}:${env.locale}`;
    if (!this.env || key !== this.key) {
      this.env = env;
      this.key = key;
    }
    return React.createElement(CardApp, { key, env: this.env });
  }

  getOutputs(): IOutputs {
    return {};
  }

  destroy(): void {
    this.env = null;
  }
}
