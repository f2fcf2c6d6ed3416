using System.Globalization;
using System.IO.Compression;
using System.Text;
using SendPipeline.Core.Reading;
using SendPipeline.Core.Reference;
using SendPipeline.Core.Validation;

namespace SendPipeline.Core.Returns.Sen2;

/// <summary>
/// One pass over a sen2 extract, module by module, parents before children: each row's values are
/// checked and written in canonical form as it is read, and only what the checks across modules need
/// is kept (keys as compact indexes, a few dates as day numbers), so a national extract validates in a
/// few hundred megabytes. The checks that need every module (current placements, rank-1 needs) run last.
/// </summary>
internal sealed class Sen2Validation(ValidationContext context, IssueCollector issues, ZipArchive canonical)
{
    private const int None = -1;

    // The coded items a monthly extract may leave blank (spec 2 sen2): a query, so the month's figures are built.
    private static readonly HashSet<string> BlankIsQuery =
        ["requestsource", "requestoutcome", "assessmentoutcome", "reviewoutcome", "sex", "ethnicity"];

    // Dates of things that have happened: the latest is the reference date of a workbook without a header.
    private static readonly HashSet<string> EventDates =
    [
        "receiveddate", "requestoutcomedate", "assessmentoutcomedate", "startdate", "ceasedate", "entrydate",
        "reviewmeeting", "lastreview",
    ];

    // Column positions the checks across modules use, found once (the setting columns are at the same
    // positions in plandetail and placementdetail, which a test of the module table holds).
    private static readonly int HeaderReference = Position(Sen2Modules.Sen2, "referencedate");
    private static readonly int HeaderLea = Position(Sen2Modules.Sen2, "lea");
    private static readonly int PersonUpn = Position(Sen2Modules.Person, "upn");
    private static readonly int PersonUln = Position(Sen2Modules.Person, "uniquelearnernumber");
    private static readonly int PersonUnknown = Position(Sen2Modules.Person, "upnunknown");
    private static readonly int RequestPerson = Position(Sen2Modules.Requests, "persontableid");
    private static readonly int RequestReceived = Position(Sen2Modules.Requests, "receiveddate");
    private static readonly int RequestDecided = Position(Sen2Modules.Requests, "requestoutcomedate");
    private static readonly int RequestOutcome = Position(Sen2Modules.Requests, "requestoutcome");
    private static readonly int AssessmentDate = Position(Sen2Modules.Assessment, "assessmentoutcomedate");
    private static readonly int PlanIssued = Position(Sen2Modules.NamedPlan, "startdate");
    private static readonly int PlanCeased = Position(Sen2Modules.NamedPlan, "ceasedate");
    private static readonly int PlanReason = Position(Sen2Modules.NamedPlan, "ceasereason");
    private static readonly int SettingUrn = Position(Sen2Modules.PlacementDetail, "urn");
    private static readonly int SettingUkprn = Position(Sen2Modules.PlacementDetail, "ukprn");
    private static readonly int SettingCode = Position(Sen2Modules.PlacementDetail, "sensetting");
    private static readonly int PlacementEntry = Position(Sen2Modules.PlacementDetail, "entrydate");
    private static readonly int PlacementLeaving = Position(Sen2Modules.PlacementDetail, "leavingdate");
    private static readonly int NeedRank = Position(Sen2Modules.SenNeed, "sentyperank");

    private static int Position(int module, string name) => Sen2Modules.All[module].ColumnIndex(name);

    private readonly KeyIndex[] _keys = [.. Sen2Modules.All.Select(_ => new KeyIndex())];
    private readonly bool[] _usable = new bool[Sen2Modules.All.Count];
    private readonly int[] _rows = new int[Sen2Modules.All.Count];
    private readonly HashSet<string> _encodings = new(StringComparer.Ordinal);

    // The spreadsheet row of each row of each module, by ordinal: where a duplicate key was first used.
    private readonly List<int>[] _rowOf = [.. Sen2Modules.All.Select(_ => new List<int>())];

    // What one row's columns parsed to, by column index; reused for every row.
    private readonly int[] _days = new int[16];
    private readonly bool[] _blank = new bool[16];
    private readonly string?[] _codes = new string?[16];
    private readonly int[] _ranks = new int[16];
    private int _parent;
    private readonly char[] _upn = new char[Upn.Length];

    private Sen2Module _module = Sen2Modules.All[0];
    private int[] _index = [];
    private bool _parentAbsent;
    private bool[] _events = [];
    private CanonicalCsvWriter? _writer;

    // State the checks across modules need, by the ordinal of a row in its module.
    private readonly List<int> _firstOpenRequest = [];
    private readonly List<int> _requestPerson = [], _requestReceived = [], _requestDecided = [];
    private readonly List<int> _assessmentRequest = [], _assessmentOutcome = [];
    private readonly List<int> _activePlanRow = [], _rankOneNeeds = [];

    // Where a plan's need problem is best shown: its first need's row (no rank 1 among them), or the row of a
    // second rank-1 need; a plan with no need at all is shown on its own row.
    private readonly List<int> _firstNeedRow = [], _secondRankOneRow = [];
    private readonly List<(int Plan, int Entry, int Leaving)> _placements = [];
    private int _headerRows;
    private int? _referenceDay;
    private int _latestEvent = None;

    public DateOnly? ReferenceDate => _referenceDay is { } d ? DateOnly.FromDayNumber(d) : null;

    public IReadOnlyDictionary<string, int> RowsRead =>
        Sen2Modules.All.ToDictionary(m => m.Part, m => _rows[m.Index], StringComparer.Ordinal);

    public string? Encoding => _encodings.Count == 0 ? null : string.Join(", ", _encodings.Order(StringComparer.Ordinal));

    public void Run(Sen2Extract extract)
    {
        foreach (var module in Sen2Modules.All)
            if (extract.Has(module)) Read(extract, module);
        ResolveReferenceDate(extract);
        if (!extract.Has(Sen2Modules.All[Sen2Modules.Sen2])) WriteAssumedHeader();
        CheckActivePlans();
        if (_rows[Sen2Modules.Person] == 0 && _usable[Sen2Modules.Person])
            issues.AddIn("person", FileRules.NoDataRows, null, null, null);
    }

    private void Read(Sen2Extract extract, Sen2Module module)
    {
        _module = module;
        ITabularReader? reader = null;
        try
        {
            reader = extract.Open(module);
            if (reader.Header.All(string.IsNullOrWhiteSpace))
            {
                issues.AddIn(module.Part, FileRules.Empty, null, null, null);
                return;
            }
            _parentAbsent = module.ParentIndex is { } p && !extract.Has(Sen2Modules.All[p]);
            var columns = module.HeaderColumns.Select((c, i) => i == 1 && _parentAbsent ? c with { Required = false } : c);
            var map = HeaderMap.Match(ExportSpellings(reader.Header), [.. columns]);
            foreach (var name in map.Duplicates)
                issues.AddIn(module.Part, FileRules.DuplicateColumn, null, name, null, ("column", name));
            foreach (var name in map.Missing)
                issues.AddIn(module.Part, FileRules.MissingColumn, null, name, null, ("column", name));
            foreach (var (_, name) in map.Unknown)
                issues.AddIn(module.Part, FileRules.UnknownColumn, null, name, name, ("column", name),
                    ("returnType", "sen2 " + module.Part));
            if (map.Missing.Count > 0 || map.Duplicates.Count > 0) return;
            _index = [.. Enumerable.Range(0, module.Columns.Count).Select(i => map[i])];
            _events = [.. module.Columns.Select(c => EventDates.Contains(c.Name))];
            var entry = canonical.CreateEntry(module.Part + ".csv", CompressionLevel.Fastest);
            using var text = new StreamWriter(entry.Open(), new UTF8Encoding(false), 1 << 16);
            using (_writer = new CanonicalCsvWriter(text, module.Columns.Select(c => c.Name)))
            {
                _usable[module.Index] = true;
                var csv = extract.Format == "zip";
                var headerCount = reader.Header.Count;
                while (reader.Read())
                {
                    if (TabularRows.IsBlank(reader)) continue;
                    _rows[module.Index]++;
                    _rowOf[module.Index].Add(reader.RowNumber);
                    if (csv && reader.FieldCount != headerCount && !TabularRows.OnlyBlankExtras(reader, headerCount))
                    {
                        issues.AddIn(module.Part, FileRules.WrongFieldCount, reader.RowNumber, null, null,
                            ("found", Text(reader.FieldCount)), ("expected", Text(headerCount)));
                        AddRowPlaceholders();
                        continue;
                    }
                    _writer.SourceRow = reader.RowNumber;
                    Row(reader, reader.RowNumber);
                    _writer.EndRow();
                }
            }
            _writer = null;
        }
        catch (TabularFormatException e)
        {
            // A module read only in part would make every child's parent look missing: its keys are not trusted.
            _usable[module.Index] = false;
            var rule = e.Problem switch
            {
                TabularProblem.TooLarge or TabularProblem.WorkbookTooLarge => Sen2Rules.TooLarge,
                TabularProblem.UnclosedQuote => FileRules.UnclosedQuote,
                TabularProblem.BrokenEncoding => FileRules.BrokenEncoding,
                TabularProblem.UnreadableWorkbook => FileRules.UnreadableWorkbook,
                _ => FileRules.RowTooLong,
            };
            issues.AddIn(module.Part, rule, e.Row, null, null, ("detail", e.Message));
        }
        catch (InvalidDataException)
        {
            // The zip's compressed data is damaged: deflate refuses it part way through the module.
            _usable[module.Index] = false;
            issues.AddIn(module.Part, Sen2Rules.NotAnExtract, null, null, null,
                ("detail", $"the {module.Part} module's file in the zip is damaged and cannot be read to its end."));
        }
        finally
        {
            // Known only once the module is read: the encoding is decided at its first byte that is not ASCII.
            if (reader is not null) _encodings.Add(reader.Encoding);
            reader?.Dispose();
        }
    }

    /// <summary>
    /// The header as the spec spells it: COLLECT's export writes the request source's column as
    /// <c>rquestsource</c> (from SEN2 v1.3), which is the spec's <c>requestsource</c>.
    /// </summary>
    private static List<string> ExportSpellings(IReadOnlyList<string> header) =>
        [.. header.Select(h => HeaderMap.Normalise(h) == "rquestsource" ? "requestsource" : h)];

    /// <summary>Keeps the module's per-row state aligned with its ordinals when a row cannot be read.</summary>
    private void AddRowPlaceholders()
    {
        switch (_module.Index)
        {
            case Sen2Modules.Person: _firstOpenRequest.Add(0); break;
            case Sen2Modules.Requests:
                _requestPerson.Add(None); _requestReceived.Add(None); _requestDecided.Add(None); break;
            case Sen2Modules.Assessment: _assessmentRequest.Add(None); _assessmentOutcome.Add(None); break;
            case Sen2Modules.ActivePlans: _activePlanRow.Add(0); _rankOneNeeds.Add(1); _firstNeedRow.Add(0); _secondRankOneRow.Add(0); break;
        }
    }

    private void Row(ITabularReader reader, int row)
    {
        var columns = _module.Columns;
        _parent = None;
        var ordinal = _rows[_module.Index] - 1;
        for (var c = 0; c < columns.Count; c++)
        {
            var value = _index[c] < 0 ? ReadOnlySpan<char>.Empty : Values.Clean(reader[_index[c]]);
            Column(columns[c], c, value, row, ordinal);
        }
        switch (_module.Index)
        {
            case Sen2Modules.Sen2: Header(reader, row); break;
            case Sen2Modules.Person: Person(row); break;
            case Sen2Modules.Requests: Request(row); break;
            case Sen2Modules.Assessment: Assessment(row); break;
            case Sen2Modules.NamedPlan: NamedPlan(row); break;
            case Sen2Modules.PlanDetail: Setting(row, dated: false); break;
            case Sen2Modules.ActivePlans: _activePlanRow.Add(row); _rankOneNeeds.Add(0); _firstNeedRow.Add(0); _secondRankOneRow.Add(0); break;
            case Sen2Modules.PlacementDetail: Setting(row, dated: true); break;
            case Sen2Modules.SenNeed:
                if (_parent == None) break;
                if (_firstNeedRow[_parent] == 0) _firstNeedRow[_parent] = row;
                if (_ranks[NeedRank] == 1 && ++_rankOneNeeds[_parent] == 2) _secondRankOneRow[_parent] = row;
                break;
        }
    }

    /// <summary>Checks one value by its kind, remembers what it parsed to, and writes its canonical form.</summary>
    private void Column(Sen2Column column, int c, ReadOnlySpan<char> value, int row, int ordinal)
    {
        _blank[c] = value.IsEmpty;
        _days[c] = None;
        _codes[c] = null;
        _ranks[c] = 0;
        if (value.IsEmpty)
        {
            if (column.Kind == Sen2Kind.Parent ? !_parentAbsent : column.ValueRequired || column.Kind == Sen2Kind.Key)
                Add(ValueRules.Required, row, c, value);
            else if (column.Kind == Sen2Kind.Code && BlankIsQuery.Contains(column.Name))
                Add(Sen2Rules.CodeBlank, row, c, value);
            _writer!.Field(ReadOnlySpan<char>.Empty);
            return;
        }
        switch (column.Kind)
        {
            case Sen2Kind.Key:
                if (!_keys[_module.Index].TryAdd(value, ordinal, out var first))
                    Add(Sen2Rules.DuplicateKey, row, c, value, ("first", Text(FirstRow(first))));
                break;
            case Sen2Kind.Parent:
                var parent = Sen2Modules.All[_module.ParentIndex!.Value];
                if (!_usable[parent.Index]) break;
                _parent = _keys[parent.Index].Find(value);
                if (_parent == None) Add(Sen2Rules.ParentMissing, row, c, value, ("parent", parent.Part));
                break;
            case Sen2Kind.Date:
                if (Sen2Dates.TryParse(value, out var date))
                {
                    _days[c] = date.DayNumber;
                    if (_events[c]) _latestEvent = Math.Max(_latestEvent, date.DayNumber);
                    _writer!.Field(date, default);
                    return;
                }
                Add(ValueRules.NotADate, row, c, value);
                break;
            case Sen2Kind.Boolean:
                if (Values.TryParseBoolean(value, out var flag))
                {
                    _writer!.Field(flag);
                    return;
                }
                Add(ValueRules.NotABoolean, row, c, value);
                break;
            case Sen2Kind.Code:
                _codes[c] = Sen2Codes.Canonical(column.Name, value);
                if (_codes[c] is { } code)
                {
                    _writer!.Field(code);
                    return;
                }
                if (Sen2Codes.Unconfirmed.Contains(column.Name))
                {
                    // Kept as sent (upper case, as the list writes codes): it may well be the DfE's.
                    _codes[c] = value.Trim().ToString().ToUpperInvariant();
                    _writer!.Field(_codes[c]);
                    Add(Sen2Rules.CodeNotConfirmed, row, c, value, ("version", Sen2Codes.Version));
                    return;
                }
                Add(Sen2Rules.CodeNotInList, row, c, value, ("version", Sen2Codes.Version));
                break;
            case Sen2Kind.SenType:
                _codes[c] = SenTypes.Canonical(value);
                if (_codes[c] is { } type && type != SenTypes.NoSpecialistAssessment)
                {
                    _writer!.Field(type);
                    return;
                }
                Add(Sen2Rules.SenTypeInvalid, row, c, value);
                break;
            case Sen2Kind.Upn:
                CheckUpn(value, row, c);
                break;
            case Sen2Kind.Uln:
                if (!Uln.IsValid(value)) Add(Sen2Rules.UlnInvalid, row, c, value);
                break;
            case Sen2Kind.LaCode:
                if (value.Length != 3 || !context.LaCodes.IsValid(value)) Add(Sen2Rules.LaCodeInvalid, row, c, value);
                break;
            case Sen2Kind.Urn:
                if (value.Length != 6 || !Values.IsDigits(value)) Add(Sen2Rules.UrnInvalid, row, c, value);
                break;
            case Sen2Kind.Ukprn:
                if (value.Length != 8 || value[0] != '1' || !Values.IsDigits(value)) Add(Sen2Rules.UkprnInvalid, row, c, value);
                break;
            case Sen2Kind.Rank:
                if (value.Length <= 3 && Values.IsDigits(value) && int.Parse(value, CultureInfo.InvariantCulture) is > 0 and var rank)
                    _ranks[c] = rank;
                else
                    Add(Sen2Rules.RankInvalid, row, c, value);
                break;
        }
        _writer!.Field(value);
    }

    private void CheckUpn(ReadOnlySpan<char> text, int row, int c)
    {
        var rules = Sen2Rules.Upn;
        if (text.Length != Upn.Length)
        {
            Add(rules.Length, row, c, text, ("length", Text(text.Length)));
            return;
        }
        Span<char> upn = _upn;
        text.ToUpperInvariant(upn);
        var problems = Upn.Check(upn, context.LaCodes);
        if ((problems & UpnProblems.CheckLetter) != 0)
            Add(rules.CheckLetter, row, c, text, ("expected", Upn.ExpectedCheckLetter(upn).ToString()));
        if ((problems & UpnProblems.LaCode) != 0) Add(rules.LaCode, row, c, text, ("la", upn.Slice(1, 3).ToString()));
        if ((problems & UpnProblems.NotNumeric) != 0) Add(rules.NotNumeric, row, c, text);
        if ((problems & UpnProblems.LastCharacter) != 0) Add(rules.LastCharacter, row, c, text, ("last", upn[12].ToString()));
        if ((problems & UpnProblems.Temporary) != 0) Add(rules.Temporary, row, c, text);
    }

    private void Header(ITabularReader reader, int row)
    {
        if (++_headerRows > 1) return;
        var reference = _days[HeaderReference];
        if (reference != None) _referenceDay = reference;
        var lea = HeaderLea;
        var text = Values.Clean(reader[_index[lea]]);
        if (!text.IsEmpty && context.LaCodes.IsValid(text) && !text.SequenceEqual(context.LaCode))
            Add(Sen2Rules.LaNotOurs, row, lea, text, ("la", context.LaCode));
    }

    private void Person(int row)
    {
        _firstOpenRequest.Add(0);
        if (_blank[PersonUpn] && _blank[PersonUln] && _blank[PersonUnknown])
            Add(Sen2Rules.NoIdentifier, row, PersonUpn, ReadOnlySpan<char>.Empty);
    }

    private void Request(int row)
    {
        var received = _days[RequestReceived];
        var decided = _days[RequestDecided];
        _requestPerson.Add(_parent);
        _requestReceived.Add(received);
        _requestDecided.Add(decided);
        if (decided != None && received != None && decided < received)
            Add(Sen2Rules.RequestOutcomeBeforeReceived, row, RequestDecided, Iso(decided), ("earlier", Iso(received)));
        var open = _blank[RequestOutcome] && _blank[RequestDecided];
        if (!open || _parent == None) return;
        var first = _firstOpenRequest[_parent];
        if (first == 0) _firstOpenRequest[_parent] = row;
        else Add(Sen2Rules.TwoOpenRequests, row, RequestPerson, ReadOnlySpan<char>.Empty, ("first", Text(first)));
    }

    private void Assessment(int row)
    {
        var outcome = _days[AssessmentDate];
        _assessmentRequest.Add(_parent);
        _assessmentOutcome.Add(outcome);
        if (outcome == None || _parent == None) return;
        var (earlier, what) = _requestDecided[_parent] != None
            ? (_requestDecided[_parent], "decision to assess")
            : (_requestReceived[_parent], "received date");
        if (earlier != None && outcome < earlier)
            Add(Sen2Rules.AssessmentOutcomeTooEarly, row, AssessmentDate, Iso(outcome),
                ("what", what), ("earlier", Iso(earlier)));
    }

    private void NamedPlan(int row)
    {
        var issued = _days[PlanIssued];
        var ceased = _days[PlanCeased];
        if (issued != None && _parent != None)
        {
            var request = _assessmentRequest[_parent];
            var (earlier, what) = _assessmentOutcome[_parent] != None
                ? (_assessmentOutcome[_parent], "assessment's outcome date")
                : request != None && _requestDecided[request] != None ? (_requestDecided[request], "request's decision date")
                : request != None ? (_requestReceived[request], "request's received date") : (None, "");
            if (earlier != None && issued < earlier)
                Add(Sen2Rules.PlanIssuedTooEarly, row, PlanIssued, Iso(issued), ("what", what), ("earlier", Iso(earlier)));
        }
        if (issued != None && ceased != None && ceased < issued)
            Add(Sen2Rules.PlanCeasedBeforeIssued, row, PlanCeased, Iso(ceased), ("earlier", Iso(issued)));
        var reason = PlanReason;
        if (!_blank[PlanCeased] && _blank[reason])
            Add(Sen2Rules.CeasedWithoutReason, row, reason, ReadOnlySpan<char>.Empty, ("date", ceased == None ? "" : Iso(ceased)));
        if (_blank[PlanCeased] && !_blank[reason])
            Add(Sen2Rules.ReasonWithoutCeaseDate, row, PlanCeased, ReadOnlySpan<char>.Empty,
                ("reason", _codes[reason] ?? "given"));
    }

    private void Setting(int row, bool dated)
    {
        if (_blank[SettingUrn] && _blank[SettingUkprn] && _blank[SettingCode])
            Add(Sen2Rules.NoSetting, row, SettingCode, ReadOnlySpan<char>.Empty);
        if (!dated) return;
        var entry = _days[PlacementEntry];
        var leaving = _days[PlacementLeaving];
        if (entry != None && leaving != None && leaving < entry)
            Add(Sen2Rules.PlacementLeftBeforeEntry, row, PlacementLeaving, Iso(leaving), ("earlier", Iso(entry)));
        if (_parent != None) _placements.Add((_parent, entry, leaving));
    }

    private void ResolveReferenceDate(Sen2Extract extract)
    {
        var header = Sen2Modules.All[Sen2Modules.Sen2];
        if (extract.Has(header))
        {
            if (_usable[header.Index] && _headerRows != 1)
                issues.AddIn(header.Part, Sen2Rules.HeaderRows, null, null, null, ("count", Text(_headerRows)));
            return;
        }
        var (date, why) = extract.NamedDate is { } named
            ? (named.DayNumber, "the date in the file's name")
            : (_latestEvent, "the latest date of anything recorded in the extract");
        if (date == None) return;
        _referenceDay = date;
        issues.AddIn(header.Part, Sen2Rules.ReferenceDateAssumed, null, null, Iso(date), ("value", Iso(date)),
            ("detail", why));
    }

    /// <summary>The canonical header of a workbook without one: the reference date used and this LA.</summary>
    private void WriteAssumedHeader()
    {
        var module = Sen2Modules.All[Sen2Modules.Sen2];
        var entry = canonical.CreateEntry(module.Part + ".csv", CompressionLevel.Fastest);
        using var text = new StreamWriter(entry.Open(), new UTF8Encoding(false));
        using var writer = new CanonicalCsvWriter(text, module.Columns.Select(c => c.Name));
        foreach (var column in module.Columns)
            writer.Field(column.Name switch
            {
                "referencedate" => ReferenceDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                "lea" => context.LaCode,
                _ => "",
            });
        writer.EndRow();
    }

    private void CheckActivePlans()
    {
        if (!_usable[Sen2Modules.ActivePlans]) return;
        _module = Sen2Modules.All[Sen2Modules.ActivePlans];
        var key = 0;
        if (_usable[Sen2Modules.PlacementDetail] && _referenceDay is { } day)
        {
            var current = new int[_activePlanRow.Count];
            foreach (var (plan, entry, leaving) in _placements)
                if ((entry == None || entry <= day) && (leaving == None || leaving >= day)) current[plan]++;
            for (var plan = 0; plan < current.Length; plan++)
                if (current[plan] == 0 && _activePlanRow[plan] > 0)
                    Add(Sen2Rules.NoCurrentPlacement, _activePlanRow[plan], key, ReadOnlySpan<char>.Empty, ("date", Iso(day)));
        }
        if (!_usable[Sen2Modules.SenNeed]) return;
        var needs = Sen2Modules.All[Sen2Modules.SenNeed];
        var rank = needs.ColumnIndex("sentyperank");
        for (var plan = 0; plan < _rankOneNeeds.Count; plan++)
        {
            if (_rankOneNeeds[plan] == 1 || _activePlanRow[plan] == 0) continue;
            var needRow = _rankOneNeeds[plan] > 1 ? _secondRankOneRow[plan] : _firstNeedRow[plan];
            // The fix is made on a need's rank, so the officer is sent to that row; with no need at all, to the plan.
            _module = needRow > 0 ? needs : Sen2Modules.All[Sen2Modules.ActivePlans];
            Add(Sen2Rules.RankOneNeed, needRow > 0 ? needRow : _activePlanRow[plan], needRow > 0 ? rank : key,
                ReadOnlySpan<char>.Empty, ("count", Text(_rankOneNeeds[plan])));
        }
    }

    private int FirstRow(int ordinal) => _rowOf[_module.Index][ordinal];

    private void Add(Rule rule, int row, int c, ReadOnlySpan<char> value,
        params ReadOnlySpan<(string Name, string? Value)> extra)
    {
        var text = IssueText.Shorten(value);
        var name = _module.Columns[c].Name;
        Span<(string, string?)> args = new (string, string?)[extra.Length + 2];
        args[0] = ("value", text);
        args[1] = ("column", name);
        extra.CopyTo(args[2..]);
        issues.AddIn(_module.Part, rule, row, name, text.Length == 0 ? null : text, args);
    }

    private static string Iso(int day) => DateOnly.FromDayNumber(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);

}
