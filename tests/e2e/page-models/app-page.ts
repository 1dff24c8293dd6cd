import type { Locator, Page } from "playwright-core";

/** What every app's page model starts from: the browser page and the hub it talks to. Subclasses declare their locators as fields on `this.page`. */
export abstract class AppPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}
}

/** An app behind the sign-in form (counter, dashboard): the form's fields and signing in with them. */
export abstract class SignInPage extends AppPage {
  readonly username = this.page.getByLabel("Nama pengguna");
  readonly loginButton = this.page.getByRole("button", { name: "Masuk" });
  readonly loginError = this.page.locator(".login__error");
  /** The field for the secret: the officer's PIN, the manager's password. */
  protected abstract readonly secretField: Locator;

  /** Opens the app, at its sign-in form until someone signs in. */
  abstract goto(): Promise<void>;

  async login(username: string, secret: string): Promise<void> {
    await this.username.fill(username);
    await this.secretField.fill(secret);
    await this.loginButton.click();
  }
}
