/*
 * Every sentence of the booking and receipt pages, Bahasa Indonesia first
 * and English behind the page's switch. One table, so the two languages
 * cannot drift apart key by key (the unit test checks both have every key).
 */
export const BOOKING_PAGE_WORDS = {
  id: {
    langSwitch: "English",
    title: "Reservasi Antrean",
    lead: "Pilih layanan, hari dan jam kedatangan. Datang sesuai jam, lalu check-in di kiosk atau loket dengan kode reservasi.",
    stepService: "1. Pilih layanan",
    stepDay: "2. Pilih hari",
    stepSlot: "3. Pilih jam",
    stepDetails: "4. Data pemohon",
    persyaratan: "Persyaratan yang perlu dibawa",
    noPersyaratan: "Tidak ada persyaratan khusus.",
    loading: "Memuat…",
    offline: "Tidak terhubung. Periksa koneksi Anda lalu coba lagi.",
    unavailableDisabled: "Reservasi belum dibuka di kantor ini. Silakan datang dan ambil antrean di kiosk.",
    unavailableNoUrl: "Reservasi hanya dapat dibuat dari jaringan kantor ini; dari luar kantor belum dapat diakses.",
    noServices: "Belum ada layanan yang dapat direservasi.",
    full: "Penuh",
    closedDay: "Tutup",
    free: "Sisa {n} tempat",
    noSlots: "Tidak ada jam yang dapat dipilih pada hari ini. Pilih hari lain.",
    quotaShareFull: "Kuota reservasi hari ini sudah habis. Anda tetap dapat datang dan mengambil antrean biasa.",
    hold: "Pilih jam ini",
    holding: "Menyimpan jam…",
    held: "Jam ini disimpan untuk Anda selama",
    holdLapsed: "Waktu menyimpan jam sudah habis. Silakan pilih jam lagi.",
    changeSlot: "Ganti jam",
    name: "Nama lengkap",
    phone: "Nomor HP",
    phoneHint: "Hanya 4 angka terakhir yang disimpan, untuk petugas. Data dihapus setelah kunjungan.",
    nameInvalid: "Nama minimal 2 huruf.",
    phoneInvalid: "Nomor HP: 8–15 angka.",
    noDetails: "Kantor ini tidak meminta data pribadi.",
    confirm: "Konfirmasi",
    confirming: "Mengonfirmasi…",
    // Receipt
    receiptTitle: "Bukti Reservasi",
    codeLabel: "Kode reservasi",
    qrLabel: "Kode QR reservasi",
    qrHint: "Tunjukkan kode QR ini ke pemindai kiosk, atau ketik kode reservasi di kiosk atau loket.",
    slotLabel: "Jadwal kedatangan",
    arriveLabel: "Check-in",
    arrive: "Silakan check-in antara pukul {from} dan {until} {zone}.",
    statusHeld: "Belum dikonfirmasi. Jam ini dilepas pukul {at} {zone} bila tidak dikonfirmasi.",
    statusConfirmed: "Reservasi terkonfirmasi",
    statusCheckedIn: "Sudah check-in. Nomor antrean Anda sudah terbit.",
    statusExpired: "Reservasi sudah lewat waktu; silakan ambil antrean biasa.",
    statusReleased: "Reservasi dibatalkan.",
    ticketLink: "Lihat nomor antrean",
    cancel: "Batalkan reservasi",
    cancelAsk: "Batalkan reservasi ini? Jam ini akan diberikan kepada warga lain.",
    cancelYes: "Ya, batalkan",
    cancelNo: "Tidak",
    newBooking: "Buat reservasi lain",
    notFound: "Reservasi tidak ditemukan",
    notFoundHint: "Periksa kembali tautan atau kode QR Anda, atau tanyakan kepada petugas.",
    updated: "Diperbarui",
  },
  en: {
    langSwitch: "Bahasa Indonesia",
    title: "Book a Visit",
    lead: "Choose a service, a day and a time. Come at that time, then check in at the kiosk or a counter with your booking code.",
    stepService: "1. Choose a service",
    stepDay: "2. Choose a day",
    stepSlot: "3. Choose a time",
    stepDetails: "4. Your details",
    persyaratan: "Documents to bring",
    noPersyaratan: "No special requirements.",
    loading: "Loading…",
    offline: "Not connected. Check your connection and try again.",
    unavailableDisabled: "Booking is not open at this office yet. Please come and take a number at the kiosk.",
    unavailableNoUrl: "Booking works from this office's network only; it cannot be reached from outside yet.",
    noServices: "No service can be booked yet.",
    full: "Full",
    closedDay: "Closed",
    free: "{n} places left",
    noSlots: "No time can be chosen on this day. Choose another day.",
    quotaShareFull: "Today's booking quota is used up. You can still come and take a regular number.",
    hold: "Choose this time",
    holding: "Holding the time…",
    held: "This time is held for you for",
    holdLapsed: "The hold ran out. Please choose a time again.",
    changeSlot: "Change time",
    name: "Full name",
    phone: "Mobile number",
    phoneHint: "Only the last 4 digits are kept, for the staff. Your details are deleted after the visit.",
    nameInvalid: "A name needs at least 2 letters.",
    phoneInvalid: "Mobile number: 8–15 digits.",
    noDetails: "This office asks for no personal details.",
    confirm: "Confirm",
    confirming: "Confirming…",
    receiptTitle: "Booking Receipt",
    codeLabel: "Booking code",
    qrLabel: "Booking QR code",
    qrHint: "Show this QR code to the kiosk's scanner, or type the booking code at the kiosk or a counter.",
    slotLabel: "Your time",
    arriveLabel: "Check-in",
    arrive: "Please check in between {from} and {until} {zone}.",
    statusHeld: "Not confirmed yet. The time is released at {at} {zone} unless confirmed.",
    statusConfirmed: "Booking confirmed",
    statusCheckedIn: "Checked in. Your queue number has been issued.",
    statusExpired: "This booking is past its time; please take a regular number.",
    statusReleased: "Booking cancelled.",
    ticketLink: "See my queue number",
    cancel: "Cancel booking",
    cancelAsk: "Cancel this booking? The time will be given to someone else.",
    cancelYes: "Yes, cancel",
    cancelNo: "No",
    newBooking: "Make another booking",
    notFound: "Booking not found",
    notFoundHint: "Check the link or QR code again, or ask the staff.",
    updated: "Updated",
  },
} as const;

export type BookingWordKey = keyof (typeof BOOKING_PAGE_WORDS)["id"];

/**
 * The switch both pages share: the words table, `tr(key, values)`, and the
 * language kept on this phone (localStorage) so the receipt opens in the
 * language the citizen booked in.
 */
export const BOOKING_LANG_SCRIPT = String.raw`
const WORDS = ${JSON.stringify(BOOKING_PAGE_WORDS).replace(/</g, "\\u003c")};
let lang = "id";
try { if (localStorage.getItem("layan-lang") === "en") lang = "en"; } catch {}
function tr(key, values) {
  let text = WORDS[lang][key] || WORDS.id[key] || key;
  for (const [k, v] of Object.entries(values || {})) text = text.split("{" + k + "}").join(String(v));
  return text;
}
function applyWords() {
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll("[data-t]")) el.textContent = tr(el.dataset.t);
}
function bindLangSwitch(rerender) {
  const button = document.getElementById("lang");
  button.addEventListener("click", () => {
    lang = lang === "id" ? "en" : "id";
    try { localStorage.setItem("layan-lang", lang); } catch {}
    applyWords();
    rerender();
  });
  applyWords();
}
`;
