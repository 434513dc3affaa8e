using Kiln.Plugins.MinimizeSize;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Plugins.MinimizeSize;

public sealed class DpkgFilterFilesTests
{
    [Fact]
    public void Kept_locales_keep_their_translations_and_man_pages_and_english_man_pages_stay()
    {
        var files = DpkgFilterFiles.For(new MinimizeSizeSettings { DpkgLocales = ["de", "pt_BR"] });

        files.Keys.ShouldBe(["/etc/dpkg/dpkg.cfg.d/10filter-locales", "/etc/dpkg/dpkg.cfg.d/10filter-manpages"]);
        files["/etc/dpkg/dpkg.cfg.d/10filter-locales"].ShouldBe("""
            # Written by Kiln (minimize_size): dpkg leaves out translations, except those of the languages the manifest keeps.
            path-exclude=/usr/share/locale/*
            path-include=/usr/share/locale/locale.alias
            path-include=/usr/share/locale/de/*
            path-include=/usr/share/locale/pt_BR/*

            """);
        files["/etc/dpkg/dpkg.cfg.d/10filter-manpages"].ShouldBe("""
            # Written by Kiln (minimize_size): dpkg leaves out man pages in other languages than English and those the manifest keeps.
            path-exclude=/usr/share/man/*
            path-include=/usr/share/man/man[1-9]/*
            path-include=/usr/share/man/de/*
            path-include=/usr/share/man/pt_BR/*

            """);
    }

    [Fact]
    public void No_locales_leaves_only_english_man_pages_and_locale_alias()
    {
        var files = DpkgFilterFiles.For(new MinimizeSizeSettings { DpkgLocales = [] });

        files["/etc/dpkg/dpkg.cfg.d/10filter-locales"].ShouldEndWith("path-include=/usr/share/locale/locale.alias\n");
        files["/etc/dpkg/dpkg.cfg.d/10filter-manpages"].ShouldEndWith("path-include=/usr/share/man/man[1-9]/*\n");
    }

    [Fact]
    public void Excluding_docs_keeps_the_copyright_files()
    {
        DpkgFilterFiles.For(new MinimizeSizeSettings { ExcludeDocs = true }).ShouldBe(new Dictionary<string, string>
        {
            ["/etc/dpkg/dpkg.cfg.d/10exclude-docs"] = """
                # Written by Kiln (minimize_size): dpkg leaves out the packages' documentation. The copyright files stay: the
                # licences of the software in the image ask for them to travel with it.
                path-exclude=/usr/share/doc/*
                path-include=/usr/share/doc/*/copyright

                """,
        });
    }

    [Fact]
    public void Excluding_man_pages_drops_the_locales_man_page_filter_that_would_bring_english_ones_back()
    {
        var files = DpkgFilterFiles.For(new MinimizeSizeSettings { DpkgLocales = ["de"], ExcludeManPages = true });

        files.Keys.ShouldBe(["/etc/dpkg/dpkg.cfg.d/10exclude-man-pages", "/etc/dpkg/dpkg.cfg.d/10filter-locales"]);
        files["/etc/dpkg/dpkg.cfg.d/10exclude-man-pages"].ShouldBe("# Written by Kiln (minimize_size): dpkg leaves out every man page.\npath-exclude=/usr/share/man/*\n");
    }

    [Fact]
    public void Without_dpkg_settings_there_are_no_filters()
    {
        DpkgFilterFiles.For(new MinimizeSizeSettings()).ShouldBeEmpty();
    }
}
