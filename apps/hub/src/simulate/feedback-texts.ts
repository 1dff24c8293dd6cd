/**
 * What simulated citizens write: a few plausible suggestions and complaints
 * per category, so the dashboard's lists and the monthly report read like an
 * office's, not like placeholders.
 */

export const SUGGESTIONS = [
  "Mohon ditambah kursi di ruang tunggu, banyak yang berdiri.",
  "Petugasnya ramah, pertahankan.",
  "Sebaiknya ada informasi persyaratan di papan depan supaya tidak bolak-balik.",
  "Kipas angin di ruang tunggu perlu ditambah, ruangan panas.",
  "Toilet mohon lebih sering dibersihkan.",
  "Pelayanan cepat, terima kasih.",
  "Loket dibuka tepat waktu jam delapan pagi.",
  "Tolong sediakan tempat parkir motor yang teduh.",
  "Nomor antrean di layar kadang terlalu cepat berganti.",
  "Perlu petugas yang membantu lansia mengambil nomor antrean.",
] as const;

/** By complaint category id (the config's defaults); other ids use "lainnya". */
export const COMPLAINT_TEXTS: Readonly<Record<string, readonly string[]>> = {
  waktu: [
    "Saya menunggu lebih dari dua jam padahal nomor antrean saya kecil.",
    "Loket baru dibuka jam setengah sembilan, warga sudah menunggu sejak pagi.",
    "Pembuatan dokumen melebihi jangka waktu yang tertulis di standar pelayanan.",
    "Antrean berhenti lama saat jam istirahat, tidak ada petugas pengganti.",
  ],
  pelayanan: [
    "Persyaratan yang diminta di loket berbeda dengan yang ditempel di papan informasi.",
    "Berkas saya dikembalikan tanpa penjelasan apa yang kurang.",
    "Saya diminta datang lagi besok untuk hal yang bisa diselesaikan hari ini.",
  ],
  biaya: [
    "Saya diminta membayar biaya fotokopi padahal layanan ini gratis.",
    "Ada yang menawarkan jasa percepatan dengan bayaran di depan kantor.",
  ],
  petugas: [
    "Petugas loket berbicara dengan nada kasar kepada warga lansia.",
    "Petugas sibuk dengan telepon genggam saat melayani.",
    "Petugas tidak berada di loket padahal lampu loket menyala.",
  ],
  sarana: [
    "Ruang tunggu panas, pendingin ruangan tidak menyala.",
    "Jalur kursi roda terhalang barang di pintu masuk.",
    "Mesin antrean tidak mencetak tiket, harus minta tolong satpam.",
  ],
  saran: [
    "Mohon disediakan layanan antrean daring supaya tidak perlu datang pagi-pagi.",
    "Sebaiknya ada loket khusus untuk pengambilan dokumen yang sudah jadi.",
  ],
  lainnya: [
    "Informasi di situs web kantor berbeda dengan yang disampaikan petugas.",
    "Saya tidak mendapat kabar tentang dokumen saya yang sudah satu minggu.",
  ],
};

/** Relative frequency of each category: waiting time is what citizens complain about most. */
export const CATEGORY_WEIGHTS: Readonly<Record<string, number>> = {
  waktu: 35,
  pelayanan: 20,
  petugas: 15,
  sarana: 12,
  biaya: 6,
  saran: 8,
  lainnya: 4,
};

export const RESPONSES = [
  "Terima kasih atas laporannya. Kami sudah menambah petugas pada jam sibuk.",
  "Mohon maaf atas ketidaknyamanannya. Petugas yang bersangkutan sudah diberi pembinaan.",
  "Terima kasih. Persyaratan di papan informasi sudah disamakan dengan standar pelayanan.",
  "Laporan sudah kami teruskan ke bagian umum dan perbaikan sudah dilakukan.",
  "Dokumen Bapak/Ibu sudah selesai dan dapat diambil di loket pengambilan.",
] as const;

export const CLOSE_NOTES = ["Duplikat pengaduan sebelumnya.", "Tidak dapat ditindaklanjuti: isi tidak jelas."] as const;

export const CONTACT_NAMES = ["Suryani", "Ahmad Fauzi", "Rudi Hartono", "Yanti", "Bambang S.", "Lilis", "Made Wirawan", "Nurhayati"] as const;
