import { LoginScreen as SharedLoginScreen, type LoginScreenProps } from "@layan/ui";

/** Officers sign in with their PIN. No role filter here: the hub decides who may act on which counter. */
export function LoginScreen(props: Pick<LoginScreenProps, "hubUrl" | "notice" | "onLoggedIn">) {
  return <SharedLoginScreen {...props} product="Aplikasi Loket" title="Masuk petugas" secret="pin" />;
}
