/// The 204 language varieties of FLORES-200, the evaluation set NLLB-200 was built for, by the
/// codes NLLB uses (ISO 639-3 language, underscore, ISO 15924 script). Parley knows every one
/// of them; which it can translate depends on what the configured backends report.
enum FLORES200 {
    static let codes: [String] = """
        ace_Arab ace_Latn acm_Arab acq_Arab aeb_Arab afr_Latn ajp_Arab aka_Latn als_Latn amh_Ethi
        apc_Arab arb_Arab arb_Latn ars_Arab ary_Arab arz_Arab asm_Beng ast_Latn awa_Deva ayr_Latn
        azb_Arab azj_Latn bak_Cyrl bam_Latn ban_Latn bel_Cyrl bem_Latn ben_Beng bho_Deva bjn_Arab
        bjn_Latn bod_Tibt bos_Latn bug_Latn bul_Cyrl cat_Latn ceb_Latn ces_Latn cjk_Latn ckb_Arab
        crh_Latn cym_Latn dan_Latn deu_Latn dik_Latn dyu_Latn dzo_Tibt ell_Grek eng_Latn epo_Latn
        est_Latn eus_Latn ewe_Latn fao_Latn fij_Latn fin_Latn fon_Latn fra_Latn fur_Latn fuv_Latn
        gaz_Latn gla_Latn gle_Latn glg_Latn grn_Latn guj_Gujr hat_Latn hau_Latn heb_Hebr hin_Deva
        hne_Deva hrv_Latn hun_Latn hye_Armn ibo_Latn ilo_Latn ind_Latn isl_Latn ita_Latn jav_Latn
        jpn_Jpan kab_Latn kac_Latn kam_Latn kan_Knda kas_Arab kas_Deva kat_Geor kaz_Cyrl kbp_Latn
        kea_Latn khk_Cyrl khm_Khmr kik_Latn kin_Latn kir_Cyrl kmb_Latn kmr_Latn knc_Arab knc_Latn
        kon_Latn kor_Hang lao_Laoo lij_Latn lim_Latn lin_Latn lit_Latn lmo_Latn ltg_Latn ltz_Latn
        lua_Latn lug_Latn luo_Latn lus_Latn lvs_Latn mag_Deva mai_Deva mal_Mlym mar_Deva min_Arab
        min_Latn mkd_Cyrl mlt_Latn mni_Beng mos_Latn mri_Latn mya_Mymr nld_Latn nno_Latn nob_Latn
        npi_Deva nso_Latn nus_Latn nya_Latn oci_Latn ory_Orya pag_Latn pan_Guru pap_Latn pbt_Arab
        pes_Arab plt_Latn pol_Latn por_Latn prs_Arab quy_Latn ron_Latn run_Latn rus_Cyrl sag_Latn
        san_Deva sat_Olck scn_Latn shn_Mymr sin_Sinh slk_Latn slv_Latn smo_Latn sna_Latn snd_Arab
        som_Latn sot_Latn spa_Latn srd_Latn srp_Cyrl ssw_Latn sun_Latn swe_Latn swh_Latn szl_Latn
        tam_Taml taq_Latn taq_Tfng tat_Cyrl tel_Telu tgk_Cyrl tgl_Latn tha_Thai tir_Ethi tpi_Latn
        tsn_Latn tso_Latn tuk_Latn tum_Latn tur_Latn twi_Latn tzm_Tfng uig_Arab ukr_Cyrl umb_Latn
        urd_Arab uzn_Latn vec_Latn vie_Latn war_Latn wol_Latn xho_Latn ydd_Hebr yor_Latn yue_Hant
        zho_Hans zho_Hant zsm_Latn zul_Latn
        """.split(whereSeparator: \.isWhitespace).map(String.init)

    /// English names FLORES-200 gives where ICU's data has none (ICU would answer the code).
    static let englishNames: [String: String] = [
        "acm": "Mesopotamian Arabic", "acq": "Ta’izzi-Adeni Arabic", "ajp": "South Levantine Arabic",
        "apc": "North Levantine Arabic", "azb": "South Azerbaijani", "cjk": "Chokwe",
        "fuv": "Nigerian Fulfulde", "hne": "Chhattisgarhi", "kbp": "Kabiyè", "pbt": "Southern Pashto",
        "quy": "Ayacucho Quechua", "taq": "Tamasheq",
    ]

    /// Codes clients send that neither CLDR's aliases nor the varieties' own codes reach: a
    /// macrolanguage whose FLORES-200 variety is one of its members, and LibreTranslate's own
    /// codes for Traditional Chinese and Brazilian Portuguese.
    static let aliases: [String: String] = [
        "no": "nob_Latn",   // Norwegian: Bokmål, as browsers mean it
        "ps": "pbt_Arab",   // Pashto: FLORES has Southern Pashto
        "qu": "quy_Latn",   // Quechua: FLORES has Ayacucho Quechua
        "zt": "zho_Hant",   // LibreTranslate: Chinese (traditional)
        "pb": "por_Latn",   // LibreTranslate: Portuguese (Brazil)
    ]

    /// Varieties whose code is not the one CLDR would give: CLDR makes Twi an alias of Akan
    /// (`ak`), FLORES-200 keeps both, so Twi keeps its ISO 639-1 code.
    static let codeOverrides: [String: String] = ["twi_Latn": "tw"]
}
