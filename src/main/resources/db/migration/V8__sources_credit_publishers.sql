-- Figures are credited to their publisher (CBS, Kadaster, BZK), never to whoever compiled a file.
-- Imports of the bundled demo files before this version named the compiler in the source.
UPDATE import_run SET source = 'CBS Kerncijfers wijken en buurten 2016-2025'
 WHERE source = 'CBS Kerncijfers wijken en buurten 2016-2025 (compiled by meijbaard/LocalDashboard)';
UPDATE import_run SET source = 'CBS Kerncijfers wijken en buurten 2020; Leefbaarometer 3.0 (BZK); CBS SES-WOA; RIVM'
 WHERE source = 'CBS Kerncijfers wijken en buurten 2020, Leefbaarometer 3.0, CBS SES-WOA, RIVM (joined by Nelleke20/notebook.buurtenrecommender)';
