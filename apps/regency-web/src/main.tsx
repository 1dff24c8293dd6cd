import "@fontsource-variable/atkinson-hyperlegible-next";
import { mountApp } from "@layan/ui";
import "@layan/ui/base.css";
import { App } from "./App";
import { LangProvider } from "./lang";
import "./styles.css";

mountApp(
  <LangProvider>
    <App />
  </LangProvider>,
);
