using System.Text;
using static SendPipeline.Core.Dashboard.DashboardFormat;

namespace SendPipeline.Core.Dashboard;

/// <summary>
/// The officers' dashboard as one self-contained HTML file: inline CSS, charts as inline SVG and a
/// little inline script (table sorting) that the page does not need. Nothing loads from elsewhere,
/// so it opens from a file share or an email with no server and no internet. Written as
/// well-formed XHTML-compatible markup so it can be checked with an XML parser; every text escaped.
/// </summary>
public static class DashboardHtml
{
    /// <summary>How many submitters the data-quality chart shows; the table under it lists them all.</summary>
    public const int TopSubmitters = 15;

    /// <summary>The attribute the page's script sets on <c>body</c> when it has run without throwing.</summary>
    public const string ScriptRanAttribute = "data-script-ran";

    /// <summary>The attribute <c>window.onerror</c> sets on <c>html</c>, with the message, when any script fails.</summary>
    public const string ScriptErrorAttribute = "data-script-error";

    public static void Write(DashboardModel model, Stream output)
    {
        using var w = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        var title = $"SEND dashboard: {(model.LaName is { } name ? name + " " : "")}(LA {model.LaCode})";
        w.Write($"""
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <title>{E(title)}</title>
            <style>{Css}</style>
            <script>{ErrorHook}</script>
            </head>
            <body>
            <main>
            <h1>{E(title)}</h1>
            <p class="as-at"><strong>{E(model.AsAt.Sentence())}</strong></p>
            <p class="lead">Built by the last rebuild from the returns in force. This file is self-contained: it loads nothing from the internet, and every chart has its numbers in a table under it.</p>
            <p class="scroll-hint">On a narrow screen the charts keep their size and scroll sideways;
            the table under each has the same numbers.</p>
            <nav><ul>
            <li><a href="#ehcp-section">EHC plans</a></li>
            <li><a href="#field-section">Among its statistical neighbours</a></li>
            <li><a href="#census-section">Need and phase</a></li>
            <li><a href="#hnb-section">High Needs Block spend</a></li>
            <li><a href="#workforce-section">Workforce</a></li>
            <li><a href="#settings-section">Days delivered to settings</a></li>
            <li><a href="#quality-section">Data quality</a></li>
            </ul></nav>

            """);
        DashboardSections.Ehcp(w, model.Ehcp, model.LaName ?? $"LA {model.LaCode}");
        DashboardSections.Field(w, model.Field, model.LaName ?? $"LA {model.LaCode}");
        DashboardSections.Census(w, model.Census);
        DashboardSections.Timeliness(w, model.Timeliness);
        DashboardSections.Hnb(w, model.Hnb);
        DashboardSections.Workforce(w, model.Workforce);
        DashboardSections.Settings(w, model.Settings);
        DashboardSections.DataQuality(w, model.DataQuality);
        w.Write($"</main>\n<script>{SortScript}</script>\n</body>\n</html>\n");
    }

    private const string Css = """

        body{font-family:Arial,Helvetica,sans-serif;margin:0;color:#0b0c0c;line-height:1.4;background:#fff}
        main{max-width:62rem;margin:0 auto;padding:1.5rem}
        h1{font-size:1.8rem;margin:0 0 .5rem}h2{font-size:1.35rem;margin:2.5rem 0 .4rem;border-top:4px solid #1d70b8;padding-top:.6rem}
        .lead{font-size:1.05rem}.caption{max-width:48rem}.missing,.missing-returns{color:#942514;font-weight:bold}
        nav ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.4rem 1.2rem}
        .chart-wrap{overflow-x:auto;margin:.5rem 0}
        svg.chart{display:block;max-width:none}
        .as-at{font-size:1.05rem}.scroll-hint{display:none;font-style:italic}.counts li{margin:.2rem 0}
        svg text{font-family:Arial,Helvetica,sans-serif;fill:#0b0c0c}
        .tick,.value{font-size:11px}.label,.legend{font-size:12px}.axis-label{font-size:12px;font-weight:bold}
        .grid{stroke:#e5e6e7;stroke-width:1}.axis{stroke:#0b0c0c;stroke-width:1}.band{opacity:.75}
        .table-wrap{overflow-x:auto}
        table{border-collapse:collapse;margin:.5rem 0 1rem;font-size:.9rem}
        th,td{border:1px solid #b1b4b6;padding:.3rem .5rem;text-align:left;vertical-align:top}
        th{background:#f3f2f1}td.n,th.n{text-align:right}
        th button{font:inherit;font-weight:bold;background:none;border:0;padding:0;cursor:pointer;text-align:inherit}
        tr.none td{background:#fbe9e6}tr.home td{font-weight:bold;background:#e8f1f8}tr.summary td{font-style:italic}
        details{margin:.5rem 0 1rem}summary{cursor:pointer;color:#1d70b8}
        @media (max-width: 48rem){
          main{padding:.75rem}h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:1.8rem}
          nav ul{flex-direction:column}.scroll-hint{display:block}
          table{font-size:.85rem}th,td{padding:.25rem .35rem}
        }

        """;

    // Registered first, in <head>, so an error in any later script leaves a mark a test can read.
    private const string ErrorHook = """

        window.onerror = function (message) { document.documentElement.setAttribute('data-script-error', String(message)); };

        """;

    // Table sorting: an extra, not a need. No '<' or '&' in it, and CDATA for XML parsers, so the page
    // stays well-formed XML as well as HTML.
    private const string SortScript = """
        //<![CDATA[
        (function () {
          function value(row, index, numeric) {
            var cell = row.cells[index];
            var raw = cell.getAttribute('data-value');
            var text = raw === null ? cell.textContent : raw;
            return numeric ? (parseFloat(text) || 0) : text.toLowerCase();
          }
          function sort(table, index, numeric, header) {
            var body = table.tBodies[0];
            var rows = Array.prototype.slice.call(body.rows);
            var ascending = header.getAttribute('aria-sort') !== 'ascending';
            rows.sort(function (a, b) {
              var x = value(a, index, numeric), y = value(b, index, numeric);
              var order = x === y ? 0 : (x > y ? 1 : -1);
              return ascending ? order : -order;
            });
            rows.forEach(function (row) { body.appendChild(row); });
            Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) { th.removeAttribute('aria-sort'); });
            header.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
          }
          Array.prototype.forEach.call(document.querySelectorAll('table.sortable'), function (table) {
            Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
              var button = document.createElement('button');
              button.type = 'button';
              button.textContent = th.textContent;
              button.title = 'Sort by this column';
              th.textContent = '';
              th.appendChild(button);
              button.addEventListener('click', function () { sort(table, index, th.classList.contains('n'), th); });
            });
          });
          document.body.setAttribute('data-script-ran', 'yes');
        })();
        //]]>
        """;
}
