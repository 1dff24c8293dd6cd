import { LoginScreen as SharedLoginScreen, type LoginScreenProps } from "@layan/ui";
import { BarChart3 } from "lucide-react";
import { DASHBOARD_ROLES } from "../session-store";

// An officer's session could read no report (the hub answers 403), so it is ended at once.
const MANAGERS_ONLY = {
  accepted: DASHBOARD_ROLES,
  refusal: "Akun petugas loket tidak dapat membuka dasbor manajer. Gunakan akun manajer atau supervisor.",
};

export function LoginScreen(props: Pick<LoginScreenProps, "hubUrl" | "notice" | "onLoggedIn">) {
  return (
    <SharedLoginScreen
      {...props}
      product="Dasbor Pelayanan"
      darkBrand
      title={
        <>
          <BarChart3 aria-hidden="true" /> Masuk manajer
        </>
      }
      lead="Waktu tunggu dan waktu layanan setiap layanan dibandingkan dengan Standar Pelayanan (SOP)."
      secret="password"
      roles={MANAGERS_ONLY}
    />
  );
}
