"""U101 and U102: untranslated targets and source-language leftovers."""

from __future__ import annotations

from tests.checker.rules.conftest import Run, segment


class TestUntranslated:
    def test_empty_and_copied_targets(self, run: Run) -> None:
        (empty,) = run("U101", segment("Save", "", "en-zh"))
        (copied,) = run("U101", segment("保存", "保存"))
        assert "empty" in empty.message and "untranslated" in copied.message
        assert str(empty.severity) == "warning"

    def test_fuzzy_is_info(self, run: Run) -> None:
        (f,) = run("U101", segment("Save", "保存", "en-zh", flags=frozenset({"fuzzy"})))
        assert str(f.severity) == "info"

    def test_copy_of_names_placeholders_or_code_is_fine(self, run: Run) -> None:
        for source in ("Qwen", "%(name)s", "GitHub API", "`pip install x`", "https://a.org", "42"):
            assert run("U101", segment(source, source, "en-zh")) == [], source


class TestSourceLeftover:
    def test_han_left_in_english_with_glossary_hint(self, run: Run) -> None:
        target = "aimed solely at刷新 (refreshing) SOTA benchmarks"
        (f,) = run("U102", segment("旨在刷新 SOTA 基准。", target))
        assert target[f.column - 1 : f.end_column - 1] == "刷新"
        assert f.suggestion == '"refresh"' and "refresh" in f.message

    def test_han_in_english_code_or_url_is_fine(self, run: Run) -> None:
        assert run("U102", segment("运行代码", "Run `打印()` at https://例子.cn/刷新")) == []

    def test_english_copied_from_source_into_chinese(self, run: Run) -> None:
        (f,) = run("U102", segment("Save your password", "保存你的password", "en-zh"))
        assert f.suggestion == '"密码"'
        assert (f.column, f.end_column) == (5, 13)

    def test_consecutive_words_are_one_finding(self, run: Run) -> None:
        (f,) = run(
            "U102", segment("Please check your inbox now", "请 check your inbox 现在", "en-zh")
        )
        assert '"check your inbox"' in f.message

    def test_names_acronyms_placeholders_and_allowed_words_stay(self, run: Run) -> None:
        cases = [
            ("Upload to GitHub via the API", "通过 API 上传到 GitHub"),
            ("Enter the %(username)s", "输入 %(username)s"),
            ("Open PostgreSQL settings", "打开 PostgreSQL 设置"),
            ("Ask Alice for the key", "向 Alice 要钥匙"),  # a proper name mid-sentence
            ("Run `make docs` now", "现在运行 `make docs`"),
        ]
        for source, target in cases:
            assert run("U102", segment(source, target, "en-zh")) == [], target
        s = segment("Use the proxy", "使用 proxy", "en-zh")
        assert run("U102", s, allow=("proxy",)) == []
        assert len(run("U102", s)) == 1

    def test_identifiers_quotes_and_conventional_words_stay(self, run: Run) -> None:
        cases = [  # from Django's zh_Hans catalogs, where each is a deliberate choice
            ("Please install docutils", "请安装 docutils"),  # a package name
            ("%s is not a urlpattern object", "%s 不是一个 urlpattern 对象"),  # an identifier
            ("It requires a “Referer header”.", "它需要 'Referer header'。"),  # cited
            ("This field cannot be null.", "这个值不能为 null。"),
            ("object id", "对象id"),
            ("It requires a CSRF cookie.", "它需要一个 CSRF cookie。"),
        ]
        for source, target in cases:
            assert run("U102", segment(source, target, "en-zh")) == [], target

    def test_code_in_running_text_stays(self, run: Run) -> None:
        cases = [  # from Sphinx's zh_CN catalog, where each is kept on purpose
            ("Ignored if --write-all is specified", "如果指定了 --write-all 参数则忽略此项"),
            ("sections other than [theme] and [options]", "[theme] 和 [options] 以外的部分"),
            ('must define the "theme.inherit" setting', '必须定义 "theme.inherit" 配置项'),
            ("look at %(outdir)s/output.txt", "请查阅 %(outdir)s/output.txt"),
            ("must be in the form name=value", "必须是 name=value 形式"),
            ("both :widths: options are given", "同时指定了 :widths: 选项"),
            ('write "todo" entries', "编写“todo”条目"),  # a value quoted in lower case
            ("invalid signature for auto%s", "无效的 auto%s 签名"),  # glued to a placeholder
            ("sphinx-quickstart will not overwrite it", "sphinx-quickstart 不会覆盖它"),
            ("create makefile", "创建 Makefile"),  # capitalised by the translator: a name
        ]
        for source, target in cases:
            assert run("U102", segment(source, target, "en-zh")) == [], target

    def test_code_rules_do_not_hide_prose(self, run: Run) -> None:
        # a capitalised glossary term is still a leftover; so is a word beside a tag
        (f,) = run("U102", segment("Enter a valid password.", "输入有效的 Password。", "en-zh"))
        assert '"Password"' in f.message
        (f,) = run(
            "U102", segment("See <a>release notes</a>", "查看 <a>release notes</a>", "en-zh")
        )
        assert '"release notes"' in f.message
        # a quoted capitalised word is a UI label, translated
        (f,) = run("U102", segment('Click "Save" now', '现在点击"save"', "en-zh"))
        assert '"save"' in f.message

    def test_quoted_ordinary_words_and_possessives_are_still_leftovers(self, run: Run) -> None:
        (quoted,) = run("U102", segment("Click “Remove”.", "点击“remove”。", "en-zh"))
        (possessive,) = run("U102", segment("See the user’s password", "查看user的密码", "en-zh"))
        assert '"remove"' in quoted.message and '"user"' in possessive.message

    def test_compound_words_are_words(self, run: Run) -> None:
        (f,) = run("U102", segment("Pick a checkbox", "选一个 checkbox", "en-zh"))
        assert '"checkbox"' in f.message

    def test_words_not_in_the_source_are_not_leftovers(self, run: Run) -> None:
        assert run("U102", segment("Open the file", "打开文件（见 docs）", "en-zh")) == []
        (f,) = run("U102", segment("Open the file", "打开文件（file）", "en-zh"))
        assert '"file"' in f.message

    def test_target_only_chinese_flags_lowercase_english(self, run: Run) -> None:
        (f,) = run(
            "U102", segment("", "我们使用了 transformer 架构和 GPU", "en-zh", target_only=True)
        )
        assert '"transformer"' in f.message
